-- The fingerprint of each key that every server of an installation must share (the audit key, the
-- two-factor key), recorded by the first server to have it. A server with another key, or with
-- none, is refused at start instead of writing what the others cannot read. A fingerprint tells
-- two keys apart without revealing either.
create table installation_key (
    name        text primary key,
    fingerprint text not null,
    recorded_at timestamptz not null default now()
);
