-- Performance indicators: definitions, their parts (composites), links to plans, and values.

create table indicator (
    id                 bigint generated always as identity primary key,
    partnership_id     bigint not null references partnership (id),
    ref                text not null check (length(btrim(ref)) between 1 and 20),
    name               text not null check (length(btrim(name)) between 1 and 300),
    description        text not null default '' check (length(description) <= 4000),
    unit               text not null default 'COUNT'
                       check (unit in ('COUNT', 'PERCENTAGE', 'RATE_PER_1000', 'MONEY', 'DAYS')),
    polarity           text not null default 'HIGHER_IS_BETTER'
                       check (polarity in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'NEITHER')),
    frequency          text not null default 'MONTHLY'
                       check (frequency in ('MONTHLY', 'QUARTERLY', 'YEARLY')),
    source             text not null default '' check (length(source) <= 200),
    owner              text not null default '' check (length(owner) <= 200),
    population         numeric check (population > 0),
    baseline_period    text check (length(baseline_period) <= 20),
    baseline_value     numeric,
    target_period      text check (length(target_period) <= 20),
    target_value       numeric,
    target_change_pct  numeric,
    tolerance_pct      numeric not null default 5 check (tolerance_pct >= 0 and tolerance_pct <= 100),
    published          boolean not null default false,
    version            integer not null default 0,
    unique (partnership_id, id),
    check (target_value is null or target_change_pct is null)
);
create unique index indicator_ref_unique on indicator (partnership_id, lower(ref));

-- A composite indicator is the sum of its parts.
create table indicator_part (
    indicator_id  bigint not null references indicator (id) on delete cascade,
    part_id       bigint not null references indicator (id) on delete cascade,
    primary key (indicator_id, part_id),
    check (indicator_id <> part_id)
);

-- The plan outcomes and actions an indicator measures.
create table indicator_outcome (
    indicator_id  bigint not null references indicator (id) on delete cascade,
    outcome_id    bigint not null references plan_outcome (id) on delete cascade,
    primary key (indicator_id, outcome_id)
);
create table indicator_action (
    indicator_id  bigint not null references indicator (id) on delete cascade,
    action_id     bigint not null references plan_action (id) on delete cascade,
    primary key (indicator_id, action_id)
);

-- Values are never overwritten: a revision is a new row, and the latest row for an indicator,
-- area and period is the value. Area '' is the partnership itself; others are comparators.
create table indicator_value (
    id            bigint generated always as identity primary key,
    indicator_id  bigint not null references indicator (id) on delete cascade,
    area          text not null default '' check (length(area) <= 100),
    period        text not null check (length(period) <= 20),
    value         numeric,
    numerator     numeric,
    denominator   numeric,
    recorded_by   text not null check (length(recorded_by) <= 200),
    recorded_at   timestamptz not null default now(),
    check (value is not null or numerator is not null)
);
create index indicator_value_latest on indicator_value (indicator_id, area, period, id desc);

-- Moves on with every change to a partnership's indicators or values, so that figures worked out
-- from them can be kept until they change.
create table indicator_data_version (
    partnership_id  bigint primary key references partnership (id),
    version         bigint not null default 0
);
