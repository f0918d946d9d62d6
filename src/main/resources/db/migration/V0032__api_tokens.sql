-- Personal access tokens for the REST API (ADR 21). A token is "ccr_" and 32 random bytes in
-- base64url; only its SHA-256 (hex) is kept, with its first 8 characters after "ccr_" so that its
-- owner can recognise it in a list. It acts as its user in one partnership, with the roles the user
-- holds there at each request, until it expires (at most a year) or is revoked. last_used_on is the
-- last day it was used: the first use of each day is audited, and this is how that is known.
create table api_token (
    id               bigint generated always as identity primary key,
    partnership_id   bigint not null references partnership (id) on delete cascade,
    user_account_id  bigint not null references user_account (id) on delete cascade,
    name             text not null check (length(btrim(name)) between 1 and 100),
    token_hash       text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    prefix           text not null check (prefix ~ '^[A-Za-z0-9_-]{8}$'),
    created_at       timestamptz not null,
    expires_at       timestamptz not null,
    revoked_at       timestamptz,
    revoked_by       bigint references user_account (id) on delete set null,
    last_used_on     date,
    check (expires_at > created_at and expires_at <= created_at + interval '366 days'),
    check (revoked_at is null or revoked_at >= created_at),
    check (revoked_by is null or revoked_at is not null)
);
create index api_token_by_partnership_and_user on api_token (partnership_id, user_account_id);

-- Requests per token per minute (a fixed window), counted in the database so that the limit holds
-- across servers: one upsert per request. Windows older than an hour are deleted as requests come.
create table api_rate (
    token_id      bigint not null references api_token (id) on delete cascade,
    window_start  timestamptz not null,
    count         integer not null check (count >= 0),
    primary key (token_id, window_start)
);
create index api_rate_by_window on api_rate (window_start);
