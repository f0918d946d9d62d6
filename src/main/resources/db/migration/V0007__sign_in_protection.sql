-- Sign-in protection kept in PostgreSQL, so that every node of one installation sees the same
-- state (ADR 12): failures per address and typed email, per address, the addresses each account
-- signs in from, what the account holder is told, invitations, and the sessions themselves.

-- The account lock is gone: failures slow down the address they come from, not the account.
alter table user_account drop column failed_sign_ins;
alter table user_account drop column locked_until;
-- A one-time password expires (ccr.sign-in.one-time-password-lifetime). Those issued before this
-- migration get the default lifetime from now.
alter table user_account add column one_time_password_expires_at timestamptz;
update user_account set one_time_password_expires_at = now() + interval '72 hours'
where must_change_password;

-- The key of the HMAC-SHA-256 that stands for a typed email matching no account, so that such
-- text (often a password typed in the wrong box) is never stored. 256 bits from two random UUIDs.
create table sign_in_secret (
    id        integer primary key check (id = 1),
    hmac_key  text not null check (length(hmac_key) = 64)
);
insert into sign_in_secret (id, hmac_key)
values (1, encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'));

-- Failed sign-ins from one address with one typed email (an account's, or one matching none).
-- subject is the HMAC of the normalised typed email; account_id is set when it is an account's.
create table sign_in_throttle (
    address          text not null check (length(address) between 1 and 64),
    subject          text not null check (length(subject) = 64),
    account_id       bigint references user_account (id) on delete cascade,
    failures         integer not null check (failures > 0),
    refused          integer not null default 0 check (refused >= 0),
    first_failed_at  timestamptz not null,
    last_failed_at   timestamptz not null,
    wait_until       timestamptz,
    primary key (address, subject)
);
create index sign_in_throttle_by_account on sign_in_throttle (account_id) where account_id is not null;
create index sign_in_throttle_by_age on sign_in_throttle (last_failed_at);

-- Failed sign-ins from one address, whatever the email, in the current window.
create table sign_in_address (
    address            text primary key check (length(address) between 1 and 64),
    failures           integer not null check (failures >= 0),
    refused            integer not null default 0 check (refused >= 0),
    window_started_at  timestamptz not null
);
create index sign_in_address_by_age on sign_in_address (window_started_at);

-- Addresses an account has signed in from: a busy address still lets these accounts try.
create table sign_in_known_address (
    account_id         bigint not null references user_account (id) on delete cascade,
    address            text not null check (length(address) between 1 and 64),
    last_signed_in_at  timestamptz not null,
    primary key (account_id, address)
);

-- Failed sign-ins the account holder has not yet been told of, with their unblock link.
create table sign_in_alert (
    account_id        bigint primary key references user_account (id) on delete cascade,
    raised_at         timestamptz not null,
    shown_at          timestamptz,
    token_hash        text unique check (length(token_hash) = 64),
    token_expires_at  timestamptz,
    check ((token_hash is null) = (token_expires_at is null))
);

-- An invitation to join a partnership with roles; the person accepts through a single-use link.
create table invitation (
    id              bigint generated always as identity primary key,
    partnership_id  bigint not null references partnership (id),
    email           text not null check (length(email) between 3 and 254 and email = lower(email)),
    display_name    text not null check (length(btrim(display_name)) between 1 and 200),
    roles           text[] not null check (cardinality(roles) between 1 and 5
                        and roles <@ array['PARTNERSHIP_ADMIN', 'STRATEGIC_LEAD', 'ACTION_LEAD',
                                           'ANALYST', 'VIEWER']),
    token_hash      text not null unique check (length(token_hash) = 64),
    invited_by      bigint references user_account (id),
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    accepted_at     timestamptz,
    accepted_by     bigint references user_account (id),
    withdrawn_at    timestamptz,
    check (accepted_at is null or withdrawn_at is null),
    check ((accepted_at is null) = (accepted_by is null))
);
create unique index invitation_one_open on invitation (partnership_id, email)
    where accepted_at is null and withdrawn_at is null;

-- Spring Session JDBC (spring.session.jdbc.initialize-schema=never): its PostgreSQL schema, with
-- room for a principal name as long as an email address may be.
create table spring_session (
    primary_id             char(36) not null,
    session_id             char(36) not null,
    creation_time          bigint not null,
    last_access_time       bigint not null,
    max_inactive_interval  integer not null,
    expiry_time            bigint not null,
    principal_name         varchar(254),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id  char(36) not null,
    attribute_name      varchar(200) not null,
    attribute_bytes     bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
