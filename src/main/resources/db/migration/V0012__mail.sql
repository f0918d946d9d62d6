-- Email (ADR 14): every message CCR Hub sends, or would send, and what became of it. A message
-- waits as PENDING until a node sends it (its next attempt due at next_attempt_at), then is SENT,
-- or FAILED after a permanent refusal or its last attempt. With no mail server configured it is
-- kept as OUTBOX at once, for administrators to read. One-time links (invitations, unblock links)
-- are sent at once and never kept here: their rows hold a placeholder instead.
create table mail_message (
    id               bigint generated always as identity primary key,
    -- null for a message tied to no partnership (a link to unblock sign-in to an account)
    partnership_id   bigint references partnership (id),
    recipient        text not null
                     check (length(recipient) between 3 and 320 and recipient ~ '^[^\s@]+@[^\s@]+$'),
    template         text not null check (template ~ '^[a-z][a-z0-9-]{0,39}$'),
    subject          text not null
                     check (length(btrim(subject)) between 1 and 200 and subject !~ '[\r\n]'),
    body             text not null check (length(body) <= 50000),
    actions          integer not null default 0 check (actions >= 0),
    status           text not null check (status in ('PENDING', 'SENT', 'FAILED', 'OUTBOX')),
    attempts         integer not null default 0 check (attempts between 0 and 6),
    next_attempt_at  timestamptz,
    created_at       timestamptz not null,
    last_attempt_at  timestamptz,
    sent_at          timestamptz,
    -- a plain reason such as "Could not connect to the mail server", never an exception's message
    last_error       text check (length(last_error) between 1 and 200),
    check ((status = 'PENDING') = (next_attempt_at is not null)),
    check ((status = 'SENT') = (sent_at is not null)),
    check (status <> 'FAILED' or last_error is not null),
    check (status <> 'OUTBOX' or attempts = 0),
    check ((attempts = 0) = (last_attempt_at is null))
);
-- What is due: the delivery job's query (status PENDING, next_attempt_at <= now).
create index mail_message_due on mail_message (next_attempt_at, id) where status = 'PENDING';
-- The administrators' page: a partnership's messages newest first, all or of one status.
create index mail_message_by_partnership on mail_message (partnership_id, id desc);
create index mail_message_by_partnership_status on mail_message (partnership_id, status, id desc);
