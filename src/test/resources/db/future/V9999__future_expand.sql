-- A migration of a version newer than this code, for the tests that run this code on a newer
-- schema (ADR 26): it expands only, as a release's migrations must. A column the current code does
-- not know on a table it reads and writes (nullable), one with a default, and a table of its own
-- referring to one the current code deletes from (so on delete cascade).
alter table delivery_plan add column colour text check (length(colour) <= 20);
alter table plan_action add column weight integer not null default 1;
alter table progress_update add column reviewed_by bigint;

create table plan_note (
    id       bigint generated always as identity primary key,
    plan_id  bigint not null references delivery_plan (id) on delete cascade,
    body     text not null check (length(btrim(body)) between 1 and 2000)
);
