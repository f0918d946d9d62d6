-- Clones the benchmark's one partnership (slug 'bench', made with the real import commands) into
-- bench-1 .. bench-N in SQL, as the schema's owner: bench/scale.sh runs it with psql, -v clones=N.
--
-- Ids are remapped by an offset: clone k gets every id of the source plus k * :offset (and so every
-- foreign key to a cloned row moves by the same offset), written with `overriding system value`;
-- the identity sequences are moved past the new ids at the end. Each clone is one statement, so one
-- transaction (psql autocommits). The column lists are read from the catalogue, so columns added by
-- later migrations are copied too; only the ids, keys and unique names listed below are rewritten.
-- Each clone has its own slug (bench-k), name, and administrator (bench-k@bench.example, with the
-- source's password hash, so the same password). Its indicator data version is one more than the
-- source's, so no node can take a clone's data for the source's.
-- The audit trail is not copied: its records are chained and sealed per partnership (ADR 11), and a
-- clone's chain begins with its first audited action.
\set ON_ERROR_STOP on

-- Copies the rows of `tbl` that `filter` selects, with `subst` giving an expression (over the source
-- row, with $1 the offset and $2 the clone's number) for the columns that change.
create function pg_temp.copy_rows(tbl text, filter text, subst jsonb, off bigint, k int) returns bigint
language plpgsql as $$
declare
  cols text;
  exprs text;
  n bigint;
begin
  select string_agg(quote_ident(a.attname), ', ' order by a.attnum),
         string_agg(coalesce(subst ->> a.attname, quote_ident(a.attname)), ', ' order by a.attnum)
    into cols, exprs
    from pg_attribute a
   where a.attrelid = tbl::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = '';
  execute format('insert into %I (%s) overriding system value select %s from %I where %s',
                 tbl, cols, exprs, tbl, filter) using off, k;
  get diagnostics n = row_count;
  return n;
end $$;

-- One clone: the source partnership's id, the clone's number k (1..N), the id offset per clone.
create function pg_temp.clone(src bigint, k int, step bigint) returns bigint
language plpgsql as $$
declare
  off bigint := k * step;
  n bigint := 0;
  plans text := format('plan_id in (select id from delivery_plan where partnership_id = %s)', src);
  actions text := format('action_id in (select a.id from plan_action a join delivery_plan d on d.id = a.plan_id'
                         ' where d.partnership_id = %s)', src);
  indicators text := format('indicator_id in (select id from indicator where partnership_id = %s)', src);
begin
  n := n + pg_temp.copy_rows('partnership', format('id = %s', src),
         '{"id": "id + $1", "slug": "''bench-'' || $2", "name": "name || '' '' || $2"}', off, k);
  n := n + pg_temp.copy_rows('user_account',
         format('id in (select user_account_id from membership where partnership_id = %s)', src),
         '{"id": "id + $1", "email": "replace(email, ''@'', ''-'' || $2 || ''@'')"}', off, k);
  n := n + pg_temp.copy_rows('membership', format('partnership_id = %s', src),
         '{"user_account_id": "user_account_id + $1", "partnership_id": "partnership_id + $1"}', off, k);
  n := n + pg_temp.copy_rows('rag_definition', format('partnership_id = %s', src),
         '{"partnership_id": "partnership_id + $1"}', off, k);
  n := n + pg_temp.copy_rows('delivery_plan', format('partnership_id = %s', src),
         '{"id": "id + $1", "partnership_id": "partnership_id + $1", "strategy_id": "strategy_id + $1"}', off, k);
  n := n + pg_temp.copy_rows('reporting_period', format('partnership_id = %s', src),
         '{"partnership_id": "partnership_id + $1", "plan_id": "plan_id + $1"}', off, k);
  n := n + pg_temp.copy_rows('plan_outcome', plans, '{"id": "id + $1", "plan_id": "plan_id + $1"}', off, k);
  n := n + pg_temp.copy_rows('delivery_area',
         format('outcome_id in (select o.id from plan_outcome o join delivery_plan d on d.id = o.plan_id'
                ' where d.partnership_id = %s)', src),
         '{"id": "id + $1", "outcome_id": "outcome_id + $1"}', off, k);
  n := n + pg_temp.copy_rows('plan_action', plans,
         '{"id": "id + $1", "plan_id": "plan_id + $1", "outcome_id": "outcome_id + $1", "area_id": "area_id + $1"}', off, k);
  n := n + pg_temp.copy_rows('action_lead', actions, '{"action_id": "action_id + $1"}', off, k);
  n := n + pg_temp.copy_rows('progress_update', actions, '{"id": "id + $1", "action_id": "action_id + $1"}', off, k);
  n := n + pg_temp.copy_rows('indicator', format('partnership_id = %s', src),
         '{"id": "id + $1", "partnership_id": "partnership_id + $1"}', off, k);
  n := n + pg_temp.copy_rows('indicator_part', indicators,
         '{"indicator_id": "indicator_id + $1", "part_id": "part_id + $1"}', off, k);
  n := n + pg_temp.copy_rows('indicator_value', indicators, '{"id": "id + $1", "indicator_id": "indicator_id + $1"}', off, k);
  n := n + pg_temp.copy_rows('indicator_data_version', format('partnership_id = %s', src),
         '{"partnership_id": "partnership_id + $1", "version": "version + 1"}', off, k);
  if k % 25 = 0 then raise notice '% clones made', k; end if;
  return n;
end $$;

-- Refuses a source with data the clone would leave behind or ids the offset would collide with.
select set_config('bench.step', :'step', false);
do $$
declare
  src bigint := (select id from partnership where slug = 'bench');
  t text;
  c bigint;
begin
  if src is null then raise exception 'no partnership with the slug bench'; end if;
  if exists (select 1 from partnership where slug like 'bench-%') then
    raise exception 'the database already has clones (bench-1 ...)';
  end if;
  foreach t in array array['agency', 'person', 'partnership_group', 'strategy', 'lead_mapping', 'marac',
                           'sharing_protocol', 'public_text', 'issued_board_pack'] loop
    if to_regclass(t) is not null then
      execute format('select count(*) from %I', t) into c;
      if c > 0 then raise exception 'the source has % rows in %, which the clone does not copy', c, t; end if;
    end if;
  end loop;
  foreach t in array array['partnership', 'user_account', 'delivery_plan', 'plan_outcome', 'delivery_area',
                           'plan_action', 'progress_update', 'indicator', 'indicator_value'] loop
    execute format('select coalesce(max(id), 0) from %I', t) into c;
    if c >= current_setting('bench.step')::bigint then
      raise exception '% has ids up to %, over the offset %', t, c, current_setting('bench.step');
    end if;
  end loop;
end $$;

select format('select pg_temp.clone(%s, %s, %s)', p.id, k, :step)
  from partnership p, generate_series(1, :clones) k
 where p.slug = 'bench'
\gexec

-- the identity sequences past the new ids
select format('select setval(pg_get_serial_sequence(%L, ''id''), (select max(id) from %I));', t, t)
  from unnest(array['partnership', 'user_account', 'delivery_plan', 'plan_outcome', 'delivery_area',
                    'plan_action', 'progress_update', 'indicator', 'indicator_value']) t
\gexec
-- fresh statistics for the planner (the owner may analyze its tables; the application's role may not)
select format('analyze %I', tablename) from pg_tables where schemaname = 'public'
\gexec
