-- The audit trail becomes tamper-evident against people with database access (issue 9, ADR 11).
--
-- Records written from now on form one chain per partnership, plus one for records with no
-- partnership (sign-ins, password changes). Each carries its number in its chain (chain_seq) and,
-- as its hash, an HMAC-SHA256 under the installation's audit key, which is kept outside the
-- database (ccr.audit.key, or audit.key in the data directory), over the previous record's hash in
-- its chain, its number and its content. A checkpoint of each chain's newest record is kept in
-- the data directory and the log, so that removing the newest records is detected too.
--
-- Records already written keep their plain SHA-256 hashes, marked 'SHA-256' (one chain, no
-- numbers); the first keyed record with no partnership continues that chain, which seals them.
-- The marker only moves forward: audit verify refuses an unkeyed record after a keyed one.
alter table audit_event add column hash_algorithm text not null default 'SHA-256';
alter table audit_event alter column hash_algorithm drop default;
alter table audit_event add column chain_seq bigint;
alter table audit_event add constraint audit_event_hash_algorithm check (
    (hash_algorithm = 'SHA-256' and chain_seq is null)
    or (hash_algorithm = 'HMAC-SHA256' and chain_seq >= 1));
-- The newest record of a chain, and no number twice in one chain.
create unique index audit_event_chain on audit_event (coalesce(partnership_id, 0), chain_seq)
    where chain_seq is not null;

-- Audit records are append-only: UPDATE, DELETE and TRUNCATE are refused to every role but the
-- table's owner (migrations run as the owner; the application's role is not it).
create function audit_event_refuse_change() returns trigger
    language plpgsql
    set search_path = pg_catalog
as $$
begin
    if (select relowner from pg_class where oid = tg_relid)
            is distinct from (select oid from pg_roles where rolname = current_user) then
        raise exception 'audit records cannot be changed or removed: % on % refused for role %',
                tg_op, tg_table_name, current_user
            using errcode = 'insufficient_privilege',
                  hint = 'The audit trail is append-only.';
    end if;
    if tg_level = 'STATEMENT' then
        return null;
    elsif tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_refuse_change();
create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_refuse_change();

comment on table audit_event is
    'Append-only audit trail: one HMAC-SHA256 chain per partnership and one for records with no '
    'partnership (earlier records: one SHA-256 chain); checked by `audit verify` (ADR 11).';

-- When an account joined a partnership: its administrators see the account's sign-in events only
-- from then on. Existing memberships date from the first time the account was given a role in the
-- partnership, as the trail recorded it (or from now, where the trail has no such record).
alter table membership add column joined_at timestamptz not null default now();
update membership m
set joined_at = g.first_granted
from (
    select partnership_id, object_id::bigint as account_id, min(occurred_at) as first_granted
    from audit_event
    where action = 'ROLE_GRANTED' and object_type = 'Account' and object_id ~ '^[0-9]{1,18}$'
    group by partnership_id, object_id
) g
where g.partnership_id = m.partnership_id
  and g.account_id = m.user_account_id
  and g.first_granted < m.joined_at;
