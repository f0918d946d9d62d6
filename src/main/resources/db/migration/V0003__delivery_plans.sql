-- The RAG scheme a partnership rates with, chosen at set-up: four levels or three.
alter table partnership
    add column rag_scheme text not null default 'FOUR' check (rag_scheme in ('FOUR', 'THREE'));

-- A partnership's own wording of each rating (the scheme's defaults apply where there is none).
create table rag_definition (
    partnership_id  bigint not null references partnership (id),
    rating          text not null,
    definition      text not null check (length(btrim(definition)) between 1 and 500),
    primary key (partnership_id, rating)
);

create table strategy (
    id                  bigint generated always as identity primary key,
    partnership_id      bigint not null references partnership (id),
    name                text not null check (length(btrim(name)) between 1 and 200),
    years               text check (length(years) <= 40),
    owning_group_id     bigint,
    document_version    text check (length(document_version) <= 40),
    status              text not null default 'DRAFT' check (status in ('DRAFT', 'APPROVED', 'PUBLISHED')),
    approved_by         text check (length(approved_by) <= 200),
    review_date         date,
    version             integer not null default 0,
    unique (partnership_id, id),
    foreign key (partnership_id, owning_group_id) references partnership_group (partnership_id, id)
);
create unique index strategy_name_unique on strategy (partnership_id, lower(name));

create table strategic_priority (
    id           bigint generated always as identity primary key,
    strategy_id  bigint not null references strategy (id) on delete cascade,
    ref          text check (length(ref) <= 20),
    title        text not null check (length(btrim(title)) between 1 and 500),
    key_targets  text,
    position     integer not null
);

create table delivery_plan (
    id                  bigint generated always as identity primary key,
    partnership_id      bigint not null references partnership (id),
    strategy_id         bigint,
    name                text not null check (length(btrim(name)) between 1 and 200),
    first_year          integer not null check (first_year between 1990 and 2100),
    last_year           integer not null check (last_year >= first_year and last_year <= 2100),
    protective_marking  text not null default 'OFFICIAL'
                        check (protective_marking in ('OFFICIAL', 'OFFICIAL-SENSITIVE')),
    published_at        timestamptz,
    version             integer not null default 0,
    unique (partnership_id, id),
    foreign key (partnership_id, strategy_id) references strategy (partnership_id, id)
);
create unique index delivery_plan_name_unique on delivery_plan (partnership_id, lower(name));

create table plan_outcome (
    id        bigint generated always as identity primary key,
    plan_id   bigint not null references delivery_plan (id) on delete cascade,
    ref       text check (length(ref) <= 20),
    title     text not null check (length(btrim(title)) between 1 and 500),
    position  integer not null
);
create index plan_outcome_by_plan on plan_outcome (plan_id, position);

create table delivery_area (
    id          bigint generated always as identity primary key,
    outcome_id  bigint not null references plan_outcome (id) on delete cascade,
    ref         text check (length(ref) <= 20),
    title       text not null check (length(btrim(title)) between 1 and 500),
    position    integer not null
);
create index delivery_area_by_outcome on delivery_area (outcome_id, position);

create table plan_action (
    id                bigint generated always as identity primary key,
    plan_id           bigint not null references delivery_plan (id) on delete cascade,
    outcome_id        bigint not null references plan_outcome (id),
    area_id           bigint references delivery_area (id),
    ref               text not null check (length(ref) between 1 and 20),
    text              text not null check (length(btrim(text)) between 1 and 4000),
    expected_outcome  text check (length(expected_outcome) <= 4000),
    due_text          text check (length(due_text) <= 200),
    due_date          date,
    links             text check (length(links) <= 2000),
    resources         text check (length(resources) <= 2000),
    impact            text check (length(impact) <= 2000),
    position          integer not null,
    version           integer not null default 0,
    unique (plan_id, ref)
);
create index plan_action_by_outcome on plan_action (outcome_id, position);

-- Who leads an action, in the plan's words: a group, an agency or a person's role.
create table action_lead (
    action_id  bigint not null references plan_action (id) on delete cascade,
    position   integer not null,
    name       text not null check (length(btrim(name)) between 1 and 300),
    primary key (action_id, position)
);

-- The accounts that update an action each quarter (an action lead updates only these actions).
create table action_updater (
    action_id        bigint not null references plan_action (id) on delete cascade,
    user_account_id  bigint not null references user_account (id),
    primary key (action_id, user_account_id)
);
create index action_updater_by_account on action_updater (user_account_id);

-- Earlier deadlines of a rescheduled action.
create table due_change (
    id              bigint generated always as identity primary key,
    action_id       bigint not null references plan_action (id) on delete cascade,
    previous_text   text,
    previous_date   date,
    changed_at      timestamptz not null,
    changed_by      text not null
);

-- A financial-year quarter for which a partnership collects updates; closed ones are read-only.
create table reporting_period (
    partnership_id  bigint not null references partnership (id),
    year            integer not null check (year between 1990 and 2100),
    quarter         integer not null check (quarter between 1 and 4),
    closed_at       timestamptz,
    primary key (partnership_id, year, quarter)
);

-- Progress reported on an action for a period. Never updated: a correction is a new row, and
-- the newest row for an action and period is the current one.
create table progress_update (
    id              bigint generated always as identity primary key,
    action_id       bigint not null references plan_action (id) on delete cascade,
    year            integer not null check (year between 1990 and 2100),
    quarter         integer not null check (quarter between 1 and 4),
    rating          text not null check (rating in ('GREEN', 'AMBER_GREEN', 'AMBER', 'AMBER_RED',
                        'RED', 'NOT_STARTED', 'COMPLETED', 'NOT_RATED')),
    comment         text check (length(comment) <= 8000),
    recorded_by     text not null,
    recorded_at     timestamptz not null default now()
);
create index progress_update_by_action on progress_update (action_id, year, quarter, id);
