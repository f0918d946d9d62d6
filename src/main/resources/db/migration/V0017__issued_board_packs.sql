-- Board packs as they were issued to a board (issue 11): the PDF exactly as it was sent, with what
-- it covers and who issued it when. An issued pack is a record of what the board was given, so it
-- never changes: the file is served from here, never made again, and the table only grows.
create table issued_board_pack (
    id              bigint generated always as identity primary key,
    partnership_id  bigint not null references partnership (id),
    year            integer not null check (year between 1990 and 2100),
    quarter         integer not null check (quarter between 1 and 4),
    -- the month the pack's figures run to (the first of that month); null if not known
    data_month      date check (extract(day from data_month) = 1),
    plan_ids        bigint[] not null,
    board           text not null check (length(board) between 1 and 300),
    meeting_date    date not null,
    marking         text not null check (length(marking) between 1 and 100),
    issued_by       text not null check (length(issued_by) between 1 and 300),
    issued_at       timestamptz not null,
    pdf             bytea not null check (length(pdf) > 0),
    sha256          text not null check (sha256 ~ '^[0-9a-f]{64}$')
);
create index issued_board_pack_by_partnership on issued_board_pack (partnership_id, id desc);

-- Append-only, as the audit trail is: UPDATE, DELETE and TRUNCATE are refused to every role but
-- the table's owner (migrations run as the owner; the application's role is not it, ADR 9).
create function issued_board_pack_refuse_change() returns trigger
    language plpgsql
    set search_path = pg_catalog
as $$
begin
    if (select relowner from pg_class where oid = tg_relid)
            is distinct from (select oid from pg_roles where rolname = current_user) then
        raise exception 'issued board packs cannot be changed or removed: % on % refused for role %',
                tg_op, tg_table_name, current_user
            using errcode = 'insufficient_privilege',
                  hint = 'An issued board pack is kept as it was issued.';
    end if;
    if tg_level = 'STATEMENT' then
        return null;
    elsif tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;

create trigger issued_board_pack_append_only
    before update or delete on issued_board_pack
    for each row execute function issued_board_pack_refuse_change();
create trigger issued_board_pack_no_truncate
    before truncate on issued_board_pack
    for each statement execute function issued_board_pack_refuse_change();

comment on table issued_board_pack is
    'Board packs as issued: the PDF as sent, never changed or removed (issue 11).';
