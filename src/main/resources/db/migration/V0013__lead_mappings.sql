-- Leads are people (issue 10).

-- A user account's person in a partnership's directory: at most one person per account in each
-- partnership, and at most one account per person. The person's agency is the account's agency.
create table account_person (
    partnership_id   bigint not null references partnership (id),
    user_account_id  bigint not null references user_account (id),
    person_id        bigint not null unique,
    linked_at        timestamptz not null default now(),
    primary key (partnership_id, user_account_id),
    foreign key (partnership_id, person_id) references person (partnership_id, id) on delete cascade
);

-- A lead as plans name it ("Council", "Police CSU"), known by its text normalised (trimmed, inner
-- spaces collapsed, lower case), mapped to people of the partnership's directory. Plans keep the
-- text as written; a mapping serves every plan of the partnership that names the lead.
create table lead_mapping (
    id              bigint generated always as identity primary key,
    partnership_id  bigint not null references partnership (id),
    lead_key        text not null check (length(lead_key) between 1 and 300),
    lead_text       text not null check (length(btrim(lead_text)) between 1 and 300),
    unique (partnership_id, lead_key),
    unique (partnership_id, id)
);

create table lead_mapping_person (
    lead_mapping_id  bigint not null,
    partnership_id   bigint not null,
    person_id        bigint not null,
    primary key (lead_mapping_id, person_id),
    -- the lead and the person belong to the same partnership
    foreign key (partnership_id, lead_mapping_id) references lead_mapping (partnership_id, id)
        on delete cascade,
    foreign key (partnership_id, person_id) references person (partnership_id, id) on delete cascade
);
create index lead_mapping_person_by_person on lead_mapping_person (person_id);
