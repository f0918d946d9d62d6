-- Information sharing between partner agencies (issue 13, ADR 20): protocols and their parties,
-- lawful bases and information types as data, consent records, requests (Part A) with their data
-- subjects, and decisions (Part B), which are the append-only decision log. Columns marked
-- (personal) name or locate a resident and are removed at retention; everything else is kept.
-- Tables that point at agencies, people or each other carry partnership_id with composite foreign
-- keys, so no row can point into another partnership.

-- Who keeps the log: the data protection lead, and officers who only share information.
alter table membership drop constraint membership_role_check;
alter table membership add constraint membership_role_check
    check (role in ('PARTNERSHIP_ADMIN', 'STRATEGIC_LEAD', 'ACTION_LEAD', 'ANALYST', 'VIEWER',
                    'DATA_PROTECTION_LEAD', 'SHARING_OFFICER'));

-- The two-factor question (is this account a SPOC somewhere?) starts from the account.
create index if not exists account_person_by_account on account_person (user_account_id);

-- A protocol: the overarching ISP, the MARAC ISP, a DVDS agreement... Its status is worked out
-- from its dates (sharing.ProtocolStatus), never typed.
create table sharing_protocol (
    id                         bigint generated always as identity primary key,
    partnership_id             bigint not null references partnership (id),
    title                      text not null check (length(btrim(title)) between 1 and 200),
    purposes                   text not null default '' check (length(purposes) <= 4000),
    categories                 text[] not null default '{}'
                               check (categories <@ array['PERSONAL', 'SPECIAL_CATEGORY',
                                   'CRIMINAL_OFFENCE', 'DEPERSONALISED', 'NON_PERSONAL']),
    response_working_days      integer not null default 10 check (response_working_days between 1 and 60),
    attachments_allowed        boolean not null default false,
    attachment_retention_days  integer not null default 30
                               check (attachment_retention_days between 1 and 365),
    retention_years            integer not null default 6 check (retention_years between 1 and 100),
    in_force_from              date check (in_force_from between date '1990-01-01' and date '2100-12-31'),
    in_force_until             date check (in_force_until between date '1990-01-01' and date '2100-12-31'),
    ending                     text check (ending in ('EXPIRED', 'WITHDRAWN')),
    ending_reason              text check (length(ending_reason) <= 2000),
    review_started_on          date,
    imported                   boolean not null default false,
    created_at                 timestamptz not null default now(),
    version                    integer not null default 0,
    unique (partnership_id, id),
    check ((in_force_until is null) = (ending is null)),
    check (in_force_until is null or (in_force_from is not null and in_force_until >= in_force_from))
);
create unique index sharing_protocol_title_unique on sharing_protocol (partnership_id, lower(title));

-- Document control: each version as approved. Append-only.
create table sharing_protocol_version (
    id            bigint generated always as identity primary key,
    protocol_id   bigint not null references sharing_protocol (id),
    label         text not null check (length(btrim(label)) between 1 and 50),
    author        text not null default '' check (length(author) <= 200),
    approved_by   text not null default '' check (length(approved_by) <= 200),
    approved_on   date check (approved_on between date '1990-01-01' and date '2100-12-31'),
    review_on     date check (review_on between date '1990-01-01' and date '2100-12-31'),
    notes         text not null default '' check (length(notes) <= 4000),
    recorded_by   text not null check (length(recorded_by) between 1 and 300),
    recorded_at   timestamptz not null default now()
);
create index sharing_protocol_version_by_protocol on sharing_protocol_version (protocol_id, id);

-- The signed document of a version, as uploaded. Append-only.
create table sharing_protocol_document (
    id           bigint generated always as identity primary key,
    version_id   bigint not null references sharing_protocol_version (id),
    file_name    text not null check (length(file_name) between 1 and 255),
    pdf          bytea not null check (octet_length(pdf) between 1 and 20971520),
    sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by  text not null check (length(uploaded_by) between 1 and 300),
    uploaded_at  timestamptz not null default now()
);
create index sharing_protocol_document_by_version on sharing_protocol_document (version_id, id);

-- Lawful bases and powers to share, as people cite them. Shipped rows have no partnership and
-- change only by migration when the law changes; a partnership adds its own.
create table lawful_basis (
    id                          bigint generated always as identity primary key,
    partnership_id              bigint references partnership (id),
    kind                        text not null check (kind in ('ARTICLE_6', 'ARTICLE_9', 'ARTICLE_10',
                                    'SCHEDULE_1', 'LAW_ENFORCEMENT', 'POWER')),
    code                        text not null check (length(btrim(code)) between 1 and 100),
    aliases                     text[] not null default '{}',
    title                       text not null check (length(btrim(title)) between 1 and 300),
    schedule_part               integer check (schedule_part between 1 and 3),
    -- what it needs alongside it: a Schedule 1 condition of part 1 or 2 (Article 9), any part
    -- (Article 10)
    needs                       text check (needs in ('SCHEDULE_1_PART_1', 'SCHEDULE_1_PART_2',
                                    'SCHEDULE_1_ANY')),
    not_for_public_authorities  boolean not null default false,
    needs_policy_document       boolean not null default false,
    note                        text not null default '' check (length(note) <= 1000),
    in_use_from                 date,
    in_use_until                date,
    sort                        integer not null default 0,
    created_at                  timestamptz not null default now()
);
create unique index lawful_basis_code_unique on lawful_basis (coalesce(partnership_id, 0), lower(code));

create table sharing_protocol_basis (
    protocol_id  bigint not null references sharing_protocol (id) on delete cascade,
    basis_id     bigint not null references lawful_basis (id),
    primary key (protocol_id, basis_id)
);

-- The kinds of information disclosed (never the content), shipped and per partnership.
create table information_type (
    id              bigint generated always as identity primary key,
    partnership_id  bigint references partnership (id),
    name            text not null check (length(btrim(name)) between 1 and 100),
    in_use          boolean not null default true,
    sort            integer not null default 0
);
create unique index information_type_name_unique on information_type (coalesce(partnership_id, 0), lower(name));

-- A party: an agency under a protocol, its signatory, SPOC and deputy, and the days it joined and
-- left (both inclusive).
create table sharing_party (
    id                bigint generated always as identity primary key,
    partnership_id    bigint not null,
    protocol_id       bigint not null,
    agency_id         bigint not null,
    signatory_name    text not null default '' check (length(signatory_name) <= 200),
    signatory_role    text not null default '' check (length(signatory_role) <= 200),
    signed_on         date check (signed_on between date '1990-01-01' and date '2100-12-31'),
    party_from        date not null check (party_from between date '1990-01-01' and date '2100-12-31'),
    party_until       date check (party_until between date '1990-01-01' and date '2100-12-31'),
    spoc_person_id    bigint,
    deputy_person_id  bigint,
    version           integer not null default 0,
    unique (partnership_id, id),
    unique (protocol_id, agency_id),
    check (party_until is null or party_until >= party_from),
    check (spoc_person_id is null or deputy_person_id is null or spoc_person_id <> deputy_person_id),
    foreign key (partnership_id, protocol_id) references sharing_protocol (partnership_id, id),
    foreign key (partnership_id, agency_id) references agency (partnership_id, id),
    foreign key (partnership_id, spoc_person_id) references person (partnership_id, id)
        on delete set null (spoc_person_id),
    foreign key (partnership_id, deputy_person_id) references person (partnership_id, id)
        on delete set null (deputy_person_id)
);
create index sharing_party_by_spoc on sharing_party (spoc_person_id);
create index sharing_party_by_deputy on sharing_party (deputy_person_id);

-- A SPOC's or deputy's delegation to another user of their agency, for a limited time.
create table sharing_delegation (
    id              bigint generated always as identity primary key,
    partnership_id  bigint not null,
    party_id        bigint not null,
    person_id       bigint not null,
    granted_by      text not null check (length(granted_by) between 1 and 300),
    granted_at      timestamptz not null default now(),
    until           date not null,
    ended_at        timestamptz,
    ended_by        text check (length(ended_by) <= 300),
    foreign key (partnership_id, party_id) references sharing_party (partnership_id, id) on delete cascade,
    foreign key (partnership_id, person_id) references person (partnership_id, id) on delete cascade
);
create index sharing_delegation_by_person on sharing_delegation (person_id);

-- Consent records: the agency that obtained them keeps them. Withdrawal can never be undone.
create table sharing_consent (
    id                      bigint generated always as identity primary key,
    partnership_id          bigint not null,
    agency_id               bigint not null,
    subject_name            text check (length(subject_name) between 1 and 300),          -- (personal)
    subject_address         text check (length(subject_address) <= 1000),                 -- (personal)
    subject_dob             date check (subject_dob between date '1900-01-01' and date '2100-12-31'), -- (personal)
    given_by                text not null check (given_by in ('SUBJECT', 'PARENT', 'GUARDIAN',
                                'CARER', 'ATTORNEY', 'OTHER')),
    given_by_name           text check (length(given_by_name) <= 300),                    -- (personal)
    given_by_other          text check (length(given_by_other) <= 200),
    explained               boolean not null default false,
    covers                  text check (length(covers) <= 4000),                          -- (personal)
    purposes                text check (length(purposes) <= 4000),                        -- (personal)
    answer                  text not null check (answer in ('GIVEN', 'REFUSED')),
    given_on                date not null check (given_on between date '1990-01-01' and date '2100-12-31'),
    recorded_by             text not null check (length(recorded_by) between 1 and 300),
    recorded_by_account     bigint references user_account (id),
    recorded_at             timestamptz not null default now(),
    withdrawn_on            date,
    withdrawal_note         text check (length(withdrawal_note) <= 2000),
    withdrawal_recorded_by  text check (length(withdrawal_recorded_by) <= 300),
    withdrawal_recorded_at  timestamptz,
    purged_at               timestamptz,
    version                 integer not null default 0,
    unique (partnership_id, id),
    foreign key (partnership_id, agency_id) references agency (partnership_id, id),
    check (withdrawn_on is null or (answer = 'GIVEN' and withdrawn_on >= given_on)),
    check ((withdrawn_on is null) = (withdrawal_recorded_at is null))
);

create table sharing_consent_recipient (
    partnership_id  bigint not null,
    consent_id      bigint not null,
    agency_id       bigint not null,
    primary key (consent_id, agency_id),
    foreign key (partnership_id, consent_id) references sharing_consent (partnership_id, id) on delete cascade,
    foreign key (partnership_id, agency_id) references agency (partnership_id, id)
);

-- Request numbers per partnership ("Request 42").
create table sharing_number (
    partnership_id  bigint primary key references partnership (id),
    last_number     integer not null check (last_number >= 0)
);

-- A request (Part A). Its due date is stored when it is made and never moves.
create table sharing_request (
    id                      bigint generated always as identity primary key,
    partnership_id          bigint not null,
    number                  integer not null check (number >= 1),
    protocol_id             bigint not null,
    requesting_agency_id    bigint not null,
    asked_agency_id         bigint not null,
    requesting_account_id   bigint references user_account (id),
    requesting_officer      text not null check (length(btrim(requesting_officer)) between 1 and 300),
    requesting_officer_job  text not null default '' check (length(requesting_officer_job) <= 200),
    requested_on            date not null check (requested_on between date '1990-01-01' and date '2100-12-31'),
    information_sought      text check (length(information_sought) <= 4000),             -- (personal)
    purpose                 text check (length(purpose) <= 4000),                        -- (personal)
    categories              text[] not null default '{}'
                            check (categories <@ array['PERSONAL', 'SPECIAL_CATEGORY',
                                'CRIMINAL_OFFENCE', 'DEPERSONALISED', 'NON_PERSONAL']),
    urgent                  boolean not null default false,
    urgency_reason          text check (length(urgency_reason) <= 2000),                 -- (personal)
    needed_by               date check (needed_by between date '1990-01-01' and date '2100-12-31'),
    due_on                  date not null check (due_on between date '1990-01-01' and date '2100-12-31'),
    form_token              uuid,
    import_key              text check (import_key ~ '^[0-9a-f]{64}$'),
    imported                boolean not null default false,
    created_at              timestamptz not null default now(),
    purged_at               timestamptz,
    version                 integer not null default 0,
    unique (partnership_id, id),
    unique (partnership_id, number),
    unique (partnership_id, import_key),
    unique (partnership_id, form_token),
    check (requesting_agency_id <> asked_agency_id),
    check (due_on >= requested_on),
    check (needed_by is null or needed_by >= requested_on or imported),
    foreign key (partnership_id, protocol_id) references sharing_protocol (partnership_id, id),
    foreign key (partnership_id, requesting_agency_id) references agency (partnership_id, id),
    foreign key (partnership_id, asked_agency_id) references agency (partnership_id, id)
);
create index sharing_request_by_asked on sharing_request (partnership_id, asked_agency_id, requested_on);
create index sharing_request_by_requesting on sharing_request (partnership_id, requesting_agency_id);
create index sharing_request_by_account on sharing_request (requesting_account_id);
create index sharing_request_by_day on sharing_request (partnership_id, requested_on);

create table sharing_request_basis (
    request_id  bigint not null references sharing_request (id) on delete cascade,
    basis_id    bigint not null references lawful_basis (id),
    primary key (request_id, basis_id)
);

-- Each data subject of a request, with their role and their own consent answer.
create table sharing_subject (
    id                 bigint generated always as identity primary key,
    partnership_id     bigint not null,
    request_id         bigint not null,
    position           integer not null check (position between 1 and 50),
    role               text not null check (role in ('VICTIM', 'INFORMANT', 'WITNESS', 'SUSPECT',
                           'OFFENDER', 'CHILD', 'OTHER')),
    role_other         text check (length(role_other) <= 100),
    name               text check (length(name) between 1 and 300),                       -- (personal)
    address            text check (length(address) <= 1000),                             -- (personal)
    dob                date check (dob between date '1900-01-01' and date '2100-12-31'),  -- (personal)
    consent            text not null check (consent in ('GIVEN', 'NOT_SOUGHT', 'REFUSED')),
    consent_id         bigint,
    not_sought_reason  text check (length(not_sought_reason) <= 2000),                    -- (personal)
    unique (request_id, position),
    foreign key (partnership_id, request_id) references sharing_request (partnership_id, id) on delete cascade,
    foreign key (partnership_id, consent_id) references sharing_consent (partnership_id, id)
);

-- A decision (Part B): the decision log's entry, kept as it was at the time. Append-only:
-- corrections are new entries naming the one they correct. No subject's name, address or date
-- of birth is ever here.
create table sharing_decision (
    id                   bigint generated always as identity primary key,
    partnership_id       bigint not null,
    request_id           bigint not null,
    corrects_id          bigint unique references sharing_decision (id),
    correction_reason    text check (length(correction_reason) <= 2000),
    outcome              text not null check (outcome in ('SHARE', 'SHARE_IN_PART', 'REFUSE')),
    decided_on           date not null check (decided_on between date '1990-01-01' and date '2100-12-31'),
    reasons              text not null default '' check (length(reasons) <= 4000),
    grounds              text[] not null default '{}'
                         check (grounds <@ array['PREVENT_SIGNIFICANT_HARM',
                             'PREVENTION_OR_DETECTION_OF_CRIME', 'PUBLIC_INTEREST', 'LEGAL_DUTY']),
    with_consent         boolean not null,
    subject_told         boolean,
    not_told_reason      text not null default '' check (length(not_told_reason) <= 2000),
    authorised_by        text not null default '' check (length(authorised_by) <= 300),
    information_types    text[] not null default '{}',
    method               text check (method in ('SECURE_EMAIL', 'PORTAL', 'IN_PERSON', 'PHONE')),
    supplied_on          date check (supplied_on between date '1990-01-01' and date '2100-12-31'),
    summary              text not null default '' check (length(summary) <= 2000),
    requester_name       text not null check (length(requester_name) between 1 and 300),
    requester_job        text not null default '' check (length(requester_job) <= 200),
    requester_agency     text not null check (length(requester_agency) between 1 and 200),
    protocol_title       text not null check (length(protocol_title) between 1 and 200),
    recorded_by          text not null check (length(recorded_by) between 1 and 300),
    recorded_by_account  bigint references user_account (id),
    recorded_at          timestamptz not null default now(),
    imported             boolean not null default false,
    unique (partnership_id, id),
    foreign key (partnership_id, request_id) references sharing_request (partnership_id, id),
    check (corrects_id is null or length(btrim(correction_reason)) > 0),
    check (outcome <> 'REFUSE' or (length(btrim(reasons)) > 0 and method is null and supplied_on is null)),
    -- sharing says how and when; an imported log may not have said how
    check (outcome = 'REFUSE' or ((method is not null or imported) and supplied_on is not null))
);
create unique index sharing_decision_one_original on sharing_decision (request_id) where corrects_id is null;
create index sharing_decision_by_request on sharing_decision (request_id, id desc);
create index sharing_decision_by_day on sharing_decision (partnership_id, decided_on);

create table sharing_decision_basis (
    decision_id  bigint not null references sharing_decision (id),
    basis_id     bigint not null references lawful_basis (id),
    primary key (decision_id, basis_id)
);

-- A file given with a decision (only where the protocol allows it) or a consent form's scan.
-- Its content is removed at the retention date; its name, size and hash stay.
create table sharing_attachment (
    id              bigint generated always as identity primary key,
    partnership_id  bigint not null,
    decision_id     bigint,
    consent_id      bigint,
    file_name       text not null check (length(file_name) between 1 and 255),
    media_type      text not null check (length(media_type) between 1 and 100),
    size            bigint not null check (size between 1 and 10485760),
    sha256          text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    marking         text not null default 'OFFICIAL-SENSITIVE' check (length(marking) <= 50),
    content         bytea,
    uploaded_by     text not null check (length(uploaded_by) between 1 and 300),
    uploaded_at     timestamptz not null default now(),
    remove_on       date,
    removed_at      timestamptz,
    removed_by      text check (length(removed_by) <= 300),
    check ((decision_id is null) <> (consent_id is null)),
    check ((content is null) = (removed_at is not null)),
    foreign key (partnership_id, decision_id) references sharing_decision (partnership_id, id),
    foreign key (partnership_id, consent_id) references sharing_consent (partnership_id, id)
);

-- The record is kept as it was: versions, documents, decisions and their bases refuse change and
-- removal by every role but their owner (migrations run as the owner; the application's role is
-- not it, ADR 9).
create function sharing_refuse_change() returns trigger
    language plpgsql as
$$
begin
    if (select relowner from pg_class where oid = tg_relid)
            is distinct from (select oid from pg_roles where rolname = current_user) then
        raise exception 'the information-sharing record cannot be changed or removed: % on % refused for role %',
                tg_op, tg_table_name, current_user
            using errcode = 'insufficient_privilege',
                  hint = 'A decision is corrected by a new entry that names the one it corrects.';
    end if;
    if tg_level = 'STATEMENT' then
        return null;
    elsif tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;

do $$
declare
    t text;
begin
    foreach t in array array['sharing_protocol_version', 'sharing_protocol_document',
                             'sharing_decision', 'sharing_decision_basis'] loop
        execute format('create trigger %I before update or delete on %I '
                       'for each row execute function sharing_refuse_change()', t || '_append_only', t);
        execute format('create trigger %I before truncate on %I '
                       'for each statement execute function sharing_refuse_change()', t || '_no_truncate', t);
    end loop;
end
$$;

-- A withdrawal is never undone.
create function sharing_consent_keep_withdrawal() returns trigger
    language plpgsql as
$$
begin
    if old.withdrawn_on is not null and new.withdrawn_on is distinct from old.withdrawn_on then
        raise exception 'a withdrawal of consent cannot be undone or moved'
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger sharing_consent_withdrawal_kept
    before update on sharing_consent
    for each row execute function sharing_consent_keep_withdrawal();

comment on table sharing_decision is
    'The decision log: each decision to share or not, as it was recorded; corrections are new rows (issue 13).';
