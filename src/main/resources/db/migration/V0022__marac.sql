-- MARACs and their cases (issue 12, ADR 18 and 19). The first personal data in CCR Hub: every
-- column that names or locates a person is nullable, because retention (the MARAC's setting, 6
-- years after the victim's last referral by default) removes it and keeps only what the quarterly
-- data return counts. Case data is read only through marac.MaracAccess, by the MARAC's own roles.

-- A MARAC of a partnership, with its settings (marac.MaracSettings holds the same rules).
create table marac (
    id                         bigint generated always as identity primary key,
    partnership_id             bigint not null references partnership (id),
    name                       text not null check (length(btrim(name)) between 1 and 200),
    dash_threshold             integer not null check (dash_threshold between 1 and 24),
    escalation_incidents       integer not null check (escalation_incidents between 1 and 100),
    escalation_window_months   integer not null check (escalation_window_months between 1 and 60),
    repeat_window_months       integer not null check (repeat_window_months between 1 and 60),
    research_release_days      integer not null check (research_release_days between 0 and 90),
    retention_years            integer not null check (retention_years between 1 and 100),
    adult_female_population    bigint not null check (adult_female_population between 1 and 100000000),
    audit_sample_size          integer not null check (audit_sample_size between 0 and 1000),
    audit_interval_months      integer not null check (audit_interval_months between 1 and 60),
    meeting_frequency          text not null default 'MONTHLY'
                               check (meeting_frequency in ('WEEKLY', 'FORTNIGHTLY', 'MONTHLY')),
    created_at                 timestamptz not null default now(),
    version                    integer not null default 0,
    unique (partnership_id, id)
);
create unique index marac_name_unique on marac (partnership_id, lower(name));

-- Who may see the MARAC's cases (ADR 19): roles per MARAC, held by members of its partnership.
-- A MARAC member represents an agency (its representative or deputy).
create table marac_role (
    marac_id         bigint not null references marac (id) on delete cascade,
    user_account_id  bigint not null references user_account (id),
    role             text not null check (role in ('MARAC_COORDINATOR', 'MARAC_CHAIR',
                         'MARAC_MEMBER', 'IDVA')),
    agency_id        bigint references agency (id),
    granted_by       text not null check (length(granted_by) between 1 and 300),
    granted_at       timestamptz not null,
    primary key (marac_id, user_account_id, role),
    check (role <> 'MARAC_MEMBER' or agency_id is not null)
);
create index marac_role_by_account on marac_role (user_account_id);

-- A victim as the MARAC knows them: referrals of the same person share one. Two victims become one
-- when the coordinator confirms a near match, or when a referral matches both exactly.
create table marac_victim (
    id          bigint generated always as identity primary key,
    marac_id    bigint not null references marac (id),
    unique (marac_id, id)
);

-- Meetings: scheduled regular ones, emergency ones, and the distinct meeting dates of imported
-- records. A meeting is held once its date has come and it was not cancelled.
create table marac_meeting (
    id               bigint generated always as identity primary key,
    marac_id         bigint not null references marac (id),
    meeting_date     date not null check (meeting_date between date '1990-01-01' and date '2100-12-31'),
    kind             text not null check (kind in ('REGULAR', 'EMERGENCY', 'IMPORTED')),
    cancelled        boolean not null default false,
    -- when the case list was released to the members for research (null until it is)
    released_at      timestamptz,
    released_by      text check (length(released_by) <= 300),
    created_at       timestamptz not null default now(),
    unique (marac_id, id)
);
create index marac_meeting_by_date on marac_meeting (marac_id, meeting_date);
create unique index marac_meeting_imported_once on marac_meeting (marac_id, meeting_date)
    where kind = 'IMPORTED';

-- A referral: a case once heard at a meeting. Columns marked (personal) are removed at retention.
create table marac_referral (
    id                          bigint generated always as identity primary key,
    marac_id                    bigint not null references marac (id),
    victim_id                   bigint not null,
    referral_date               date not null
                                check (referral_date between date '1990-01-01' and date '2100-12-31'),
    referring_agency_id         bigint not null references agency (id),
    referring_officer           text check (length(referring_officer) <= 300),          -- (personal)
    -- the victim
    victim_name                 text check (length(victim_name) between 1 and 300),     -- (personal)
    victim_other_names          text[] not null default '{}',                             -- (personal)
    victim_dob                  date,                                                      -- (personal)
    -- the age when the date of birth is not known; at retention, the age on the referral date
    victim_age                  integer check (victim_age between 0 and 130),
    victim_gender               text not null check (victim_gender in ('FEMALE', 'MALE', 'ANOTHER', 'NOT_KNOWN')),
    victim_address              text check (length(victim_address) <= 1000),            -- (personal)
    safe_contact                text check (length(safe_contact) <= 1000),              -- (personal)
    safe_to_call                text check (safe_to_call in ('YES', 'NO', 'NOT_KNOWN')),
    ethnic_group                text not null check (ethnic_group in ('ASIAN', 'BLACK', 'MIXED',
                                    'WHITE', 'OTHER', 'NOT_KNOWN')),
    ethnic_category             text check (length(ethnic_category) <= 60),
    disabled                    text not null check (disabled in ('YES', 'NO', 'NOT_KNOWN')),
    lgbt                        text not null check (lgbt in ('YES', 'NO', 'NOT_KNOWN')),
    pregnant                    text check (pregnant in ('YES', 'NO', 'NOT_KNOWN')),
    first_language              text check (length(first_language) <= 100),
    interpreter_needed          text check (interpreter_needed in ('YES', 'NO', 'NOT_KNOWN')),
    victim_aware                text check (victim_aware in ('YES', 'NO', 'NOT_KNOWN')),
    victim_unaware_reason       text check (length(victim_unaware_reason) <= 2000),     -- (personal)
    feared_people               text check (length(feared_people) <= 2000),             -- (personal)
    safe_people                 text check (length(safe_people) <= 2000),               -- (personal)
    -- the risk assessment: 24 DASH answers (Y, N or ? in question order), or a score alone (imported
    -- records), or a DARA grade
    dash_answers                text check (dash_answers ~ '^[YN?]{24}$'),
    dash_score                  integer check (dash_score between 0 and 24),
    dara_grade                  text check (dara_grade in ('STANDARD', 'MEDIUM', 'HIGH')),
    police_incidents_12m        integer check (police_incidents_12m between 0 and 1000),
    -- the criteria the referrer claimed (the assessment is worked out from the answers)
    criteria                    text[] not null default '{}'
                                check (criteria <@ array['VISIBLE_HIGH_RISK', 'PROFESSIONAL_JUDGEMENT',
                                    'POTENTIAL_ESCALATION']),
    judgement_reason            text check (length(judgement_reason) <= 4000),
    -- consent to share, or sharing without it with the reason, the lawful basis and who decided
    consent                     text check (consent in ('GIVEN', 'NOT_GIVEN')),
    without_consent_reason      text check (length(without_consent_reason) <= 4000),
    lawful_basis                text check (length(lawful_basis) <= 1000),
    consent_decided_by          text check (length(consent_decided_by) <= 300),
    -- the IDVA offer, every case gets one
    idva_offer                  text check (idva_offer in ('ACCEPTED', 'DECLINED', 'NOT_CONTACTABLE',
                                    'ALREADY_SUPPORTED')),
    idva_offered_on             date,
    idva_account_id             bigint references user_account (id),
    idva_contact_outcome        text check (length(idva_contact_outcome) <= 4000),
    -- the meeting at which the case is heard (null until it is on an agenda)
    meeting_id                  bigint,
    risks_discussed             text check (length(risks_discussed) <= 8000),
    closed_on                   date,
    closure_reason              text check (length(closure_reason) <= 2000),
    imported                    boolean not null default false,
    created_by                  text not null check (length(created_by) between 1 and 300),
    created_at                  timestamptz not null default now(),
    purged_at                   timestamptz,
    version                     integer not null default 0,
    unique (marac_id, id),
    foreign key (marac_id, victim_id) references marac_victim (marac_id, id),
    foreign key (marac_id, meeting_id) references marac_meeting (marac_id, id),
    check (victim_dob is null or victim_age is null),
    check (purged_at is not null or victim_name is not null)
);
create index marac_referral_by_date on marac_referral (marac_id, referral_date);
create index marac_referral_by_victim on marac_referral (victim_id, referral_date);
create index marac_referral_by_dob on marac_referral (marac_id, victim_dob) where victim_dob is not null;
create index marac_referral_by_meeting on marac_referral (meeting_id) where meeting_id is not null;

-- Every name key of a referral's victim (marac.PersonName#keyOf of the name and other names), for
-- the repeat search (ADR 18): the candidates are the referrals sharing a key or the date of birth.
create table marac_victim_key (
    marac_id     bigint not null,
    name_key     text not null check (length(name_key) between 1 and 300),
    referral_id  bigint not null,
    primary key (marac_id, name_key, referral_id),
    foreign key (marac_id, referral_id) references marac_referral (marac_id, id) on delete cascade
);
create index marac_victim_key_by_referral on marac_victim_key (referral_id);

-- Perpetrators and children of a referral. Imported records have one perpetrator row and as many
-- children rows (without details) as the children column counts.
create table marac_perpetrator (
    id            bigint generated always as identity primary key,
    referral_id   bigint not null references marac_referral (id) on delete cascade,
    name          text check (length(name) between 1 and 300),                         -- (personal)
    dob           date,                                                                 -- (personal)
    age           integer check (age between 0 and 130),
    gender        text not null check (gender in ('FEMALE', 'MALE', 'ANOTHER', 'NOT_KNOWN')),
    relationship  text check (length(relationship) <= 200),
    check (dob is null or age is null)
);
create index marac_perpetrator_by_referral on marac_perpetrator (referral_id);

create table marac_child (
    id                        bigint generated always as identity primary key,
    referral_id               bigint not null references marac_referral (id) on delete cascade,
    name                      text check (length(name) <= 300),                       -- (personal)
    dob                       date,                                                    -- (personal)
    relationship_to_victim    text check (length(relationship_to_victim) <= 200),
    relationship_to_perpetrator text check (length(relationship_to_perpetrator) <= 200),
    school                    text check (length(school) <= 300)                       -- (personal)
);
create index marac_child_by_referral on marac_child (referral_id);

-- Near matches found by the repeat search, for the coordinator to confirm (the victims become one)
-- or reject (not offered again). Until confirmed a near match is not a repeat.
create table marac_match (
    id                   bigint generated always as identity primary key,
    marac_id             bigint not null,
    referral_id          bigint not null,
    candidate_victim_id  bigint not null,
    reasons              text[] not null,
    status               text not null default 'PENDING'
                         check (status in ('PENDING', 'CONFIRMED', 'REJECTED')),
    decided_by           text check (length(decided_by) <= 300),
    decided_at           timestamptz,
    unique (referral_id, candidate_victim_id),
    foreign key (marac_id, referral_id) references marac_referral (marac_id, id) on delete cascade,
    foreign key (marac_id, candidate_victim_id) references marac_victim (marac_id, id) on delete cascade
);
create index marac_match_pending on marac_match (marac_id) where status = 'PENDING';

-- Each agency's research for a case before the meeting: facts kept apart from opinion, and what was
-- not shared and why.
create table marac_research (
    id            bigint generated always as identity primary key,
    referral_id   bigint not null references marac_referral (id) on delete cascade,
    agency_id     bigint not null references agency (id),
    facts         text check (length(facts) <= 20000),                                 -- (personal)
    opinion       text check (length(opinion) <= 20000),                               -- (personal)
    not_shared    text check (length(not_shared) <= 4000),
    recorded_by   text not null check (length(recorded_by) between 1 and 300),
    recorded_at   timestamptz not null,
    unique (referral_id, agency_id)
);

-- Attendance at a meeting, per agency, with the signed confidentiality statement.
create table marac_attendance (
    meeting_id              bigint not null references marac_meeting (id) on delete cascade,
    agency_id               bigint not null references agency (id),
    status                  text not null check (status in ('PRESENT', 'APOLOGIES_INFO_SENT', 'ABSENT')),
    representative          text check (length(representative) <= 300),
    confidentiality_signed  boolean not null default false,
    primary key (meeting_id, agency_id)
);

-- The action plan: SMART actions of a case, assigned to agencies with due dates, updated by them.
create table marac_action (
    id            bigint generated always as identity primary key,
    referral_id   bigint not null references marac_referral (id) on delete cascade,
    meeting_id    bigint not null references marac_meeting (id),
    agency_id     bigint not null references agency (id),
    description   text not null check (length(btrim(description)) between 1 and 4000),
    due_on        date not null,
    status        text not null default 'OPEN' check (status in ('OPEN', 'DONE', 'NOT_DONE')),
    update_note   text check (length(update_note) <= 4000),
    updated_by    text check (length(updated_by) <= 300),
    updated_at    timestamptz,
    created_at    timestamptz not null default now()
);
create index marac_action_by_referral on marac_action (referral_id);
create index marac_action_by_agency on marac_action (agency_id, status, due_on);

-- Audit sampling: N cases drawn at random from a period, each audited against the agreed outcomes.
create table marac_audit_sample (
    id          bigint generated always as identity primary key,
    marac_id    bigint not null references marac (id),
    from_date   date not null,
    to_date     date not null check (to_date >= from_date),
    drawn_by    text not null check (length(drawn_by) between 1 and 300),
    drawn_at    timestamptz not null
);

create table marac_audit_sample_case (
    sample_id    bigint not null references marac_audit_sample (id) on delete cascade,
    referral_id  bigint not null references marac_referral (id) on delete cascade,
    outcome      text check (outcome in ('MET', 'PARTLY_MET', 'NOT_MET')),
    notes        text check (length(notes) <= 4000),
    audited_by   text check (length(audited_by) <= 300),
    audited_at   timestamptz,
    primary key (sample_id, referral_id)
);

-- "Who looked at this case": the audit trail's records about one object.
create index audit_event_by_object on audit_event (partnership_id, object_type, object_id, id desc);
