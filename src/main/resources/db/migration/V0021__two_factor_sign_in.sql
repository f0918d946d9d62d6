-- Two-factor sign-in (ADR 17). An account that has set it up has one row here: the secret its
-- authenticator app shares with CCR Hub, encrypted (AES-256-GCM) with the two-factor key, which is
-- kept outside the database (two-factor.key in the data directory, or CCR_TWO_FACTOR_KEY); and the
-- time step of the last code accepted, so that each code signs in once; and how many wrong codes
-- (app or recovery codes) have come since the last right one. At the limit (ccr.two-factor.
-- max-wrong-codes, 10) no code is checked any more until an administrator resets it.
create table two_factor (
    account_id      bigint primary key references user_account (id) on delete cascade,
    secret          text not null check (secret ~ '^v1:[A-Za-z0-9+/=]{40,200}$'),
    last_used_step  bigint not null check (last_used_step >= 0),
    wrong_codes     integer not null default 0 check (wrong_codes >= 0),
    enrolled_at     timestamptz not null
);

-- Its recovery codes, each kept only as an Argon2 hash, like a password. A code that is used is
-- deleted; turning two-factor sign-in off or resetting it deletes them all.
create table two_factor_recovery_code (
    id          bigint generated always as identity primary key,
    account_id  bigint not null references two_factor (account_id) on delete cascade,
    code_hash   text not null check (length(code_hash) between 20 and 200)
);
create index two_factor_recovery_code_by_account on two_factor_recovery_code (account_id);

-- Whether the failures an alert is about include wrong two-factor codes after a right password: the
-- person is then told that their password is known, not that someone tried wrong passwords.
alter table sign_in_alert add column password_known boolean not null default false;
