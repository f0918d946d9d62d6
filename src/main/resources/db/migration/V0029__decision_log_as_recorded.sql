-- The decision log says what was recorded, whatever changes later (issue 13, review of ADR 20):
-- each entry keeps the asked agency's name, the request's day, due date and urgency, the subjects'
-- roles and consent answers, and the lawful bases' codes as they were when it was written.
-- Existing entries are filled from what their requests say now (migrations run as the owner, whom
-- the append-only trigger lets through).
alter table sharing_decision
    add column asked_agency    text check (length(asked_agency) between 1 and 200),
    add column request_date    date,
    add column due_on          date,
    add column urgent          boolean,
    add column subject_roles   text[],
    add column consents        text[],
    add column basis_codes     text[];

update sharing_decision d set
    asked_agency  = a.name,
    request_date  = r.requested_on,
    due_on        = r.due_on,
    urgent        = r.urgent,
    subject_roles = coalesce((select array_agg(s.role || coalesce(':' || s.role_other, '')
                                               order by s.position)
                              from sharing_subject s where s.request_id = r.id), '{}'),
    consents      = coalesce((select array_agg(distinct s.consent)
                              from sharing_subject s where s.request_id = r.id), '{}'),
    basis_codes   = coalesce((select array_agg(b.code order by b.sort, b.code)
                              from sharing_decision_basis db
                              join lawful_basis b on b.id = db.basis_id
                              where db.decision_id = d.id), '{}')
from sharing_request r
join agency a on a.id = r.asked_agency_id
where r.id = d.request_id;

alter table sharing_decision
    alter column asked_agency set not null,
    alter column request_date set not null,
    alter column due_on set not null,
    alter column urgent set not null,
    alter column subject_roles set not null,
    alter column consents set not null,
    alter column basis_codes set not null,
    -- what a decision says it disclosed stays within reason: it is kept for ever
    add constraint sharing_decision_types_bounded
        check (cardinality(information_types) <= 50
               and length(array_to_string(information_types, '')) <= 5000);

-- A correction corrects an entry of the same request.
create function sharing_decision_corrects_same_request() returns trigger
    language plpgsql as
$$
begin
    if new.corrects_id is not null and not exists (
            select 1 from sharing_decision c
            where c.id = new.corrects_id and c.request_id = new.request_id) then
        raise exception 'a correction corrects an entry of the same request'
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger sharing_decision_correction_of_same_request
    before insert on sharing_decision
    for each row execute function sharing_decision_corrects_same_request();

-- No partnership role the application does not know yet: SHARING_OFFICER comes with its pages.
alter table membership drop constraint membership_role_check;
alter table membership add constraint membership_role_check
    check (role in ('PARTNERSHIP_ADMIN', 'STRATEGIC_LEAD', 'ACTION_LEAD', 'ANALYST', 'VIEWER',
                    'DATA_PROTECTION_LEAD'));
