-- Plans edited on screen. Outcomes and areas carry a version, as actions do, so that two people
-- changing one at once do not overwrite each other unseen. Their refs, where given, are unique
-- (an import finds them by ref), and an action's ref is unique in its plan whatever its case (pages
-- and imports find actions by ref in any case).
alter table plan_outcome add column version integer not null default 0;
alter table delivery_area add column version integer not null default 0;
create unique index plan_outcome_ref_unique on plan_outcome (plan_id, ref) where ref is not null;
create unique index delivery_area_ref_unique on delivery_area (outcome_id, ref) where ref is not null;
create unique index plan_action_ref_unique_any_case on plan_action (plan_id, lower(ref));

-- An archived action keeps its history and its place in the reports of the periods before
-- archived_from (year, quarter): from that period on it is gone from the plan. Restoring it clears
-- all four together.
alter table plan_action
    add column archived_from_year integer check (archived_from_year between 1990 and 2100),
    add column archived_from_quarter integer check (archived_from_quarter between 1 and 4),
    add column archived_at timestamptz,
    add column archived_by text check (length(archived_by) between 1 and 300),
    add constraint plan_action_archived_all_or_nothing check (
        (archived_at is null) = (archived_from_year is null)
        and (archived_at is null) = (archived_from_quarter is null)
        and (archived_at is null) = (archived_by is null));
