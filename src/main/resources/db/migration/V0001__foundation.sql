-- Partnerships (tenants) and their agencies, groups and people.
create table partnership (
    id          bigint generated always as identity primary key,
    slug        text not null unique
                check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 60),
    name        text not null check (length(btrim(name)) between 1 and 200),
    created_at  timestamptz not null default now()
);

create table agency (
    id              bigint generated always as identity primary key,
    partnership_id  bigint not null references partnership (id),
    name            text not null check (length(btrim(name)) between 1 and 200),
    type            text not null check (type in ('POLICE', 'LOCAL_AUTHORITY', 'HEALTH', 'PROBATION',
                        'FIRE', 'HOUSING', 'EDUCATION', 'VOLUNTARY_COMMUNITY', 'OTHER')),
    version         integer not null default 0,
    unique (partnership_id, id)
);
create unique index agency_name_unique on agency (partnership_id, lower(name));

create table partnership_group (
    id              bigint generated always as identity primary key,
    partnership_id  bigint not null references partnership (id),
    name            text not null check (length(btrim(name)) between 1 and 200),
    type            text not null check (type in ('CSP_BOARD', 'VAWG_STRATEGIC_GROUP', 'MARAC',
                        'MARAC_STEERING_GROUP', 'ADVISORY_GROUP', 'COMMISSIONING_GROUP',
                        'WORKING_GROUP', 'OTHER')),
    parent_id       bigint,
    version         integer not null default 0,
    unique (partnership_id, id),
    check (parent_id is null or parent_id <> id),
    -- a group reports to a group of the same partnership
    foreign key (partnership_id, parent_id) references partnership_group (partnership_id, id)
);
create unique index partnership_group_name_unique on partnership_group (partnership_id, lower(name));

create table person (
    id              bigint generated always as identity primary key,
    partnership_id  bigint not null references partnership (id),
    name            text not null check (length(btrim(name)) between 1 and 200),
    job_title       text check (length(job_title) <= 200),
    agency_id       bigint,
    email           text check (length(email) <= 254),
    version         integer not null default 0,
    unique (partnership_id, id),
    foreign key (partnership_id, agency_id) references agency (partnership_id, id)
);

create table group_membership (
    partnership_id  bigint not null,
    group_id        bigint not null,
    person_id       bigint not null,
    primary key (group_id, person_id),
    foreign key (partnership_id, group_id) references partnership_group (partnership_id, id) on delete cascade,
    foreign key (partnership_id, person_id) references person (partnership_id, id) on delete cascade
);

-- Accounts that sign in, and their roles in each partnership.
create table user_account (
    id                    bigint generated always as identity primary key,
    email                 text not null check (length(email) between 3 and 254 and email = lower(email)),
    display_name          text not null check (length(btrim(display_name)) between 1 and 200),
    password_hash         text not null,
    must_change_password  boolean not null default false,
    failed_sign_ins       integer not null default 0,
    locked_until          timestamptz,
    created_at            timestamptz not null default now(),
    last_signed_in_at     timestamptz,
    unique (email)
);

create table membership (
    user_account_id  bigint not null references user_account (id),
    partnership_id   bigint not null references partnership (id),
    role             text not null check (role in ('PARTNERSHIP_ADMIN', 'STRATEGIC_LEAD',
                         'ACTION_LEAD', 'ANALYST', 'VIEWER')),
    primary key (user_account_id, partnership_id, role)
);
create index membership_by_partnership on membership (partnership_id);

-- The append-only audit trail. Each record carries a SHA-256 hash over its own content and the
-- hash of the record before it, so an edit made directly in the database breaks the chain.
create table audit_event (
    id               bigint generated always as identity primary key,
    occurred_at      timestamptz not null,
    actor            text not null,
    actor_user_id    bigint,
    partnership_id   bigint,
    action           text not null,
    object_type      text,
    object_id        text,
    outcome          text not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    source_address   text,
    summary          text,
    previous_hash    text not null,
    hash             text not null
);
create index audit_event_by_partnership on audit_event (partnership_id, id desc);
create index audit_event_by_actor on audit_event (actor_user_id, id desc);
