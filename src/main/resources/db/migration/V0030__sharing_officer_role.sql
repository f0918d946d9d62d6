-- The sharing officer (ADR 20): asks other agencies for information and does nothing else. It
-- reads what any member reads and changes nothing of the plans, indicators or partnership.
alter table membership drop constraint membership_role_check;
alter table membership add constraint membership_role_check
    check (role in ('PARTNERSHIP_ADMIN', 'STRATEGIC_LEAD', 'ACTION_LEAD', 'ANALYST', 'VIEWER',
                    'DATA_PROTECTION_LEAD', 'SHARING_OFFICER'));

-- An invitation may give every role a membership may hold (the data protection lead was missing:
-- inviting one failed).
alter table invitation drop constraint invitation_roles_check;
alter table invitation add constraint invitation_roles_check
    check (cardinality(roles) between 1 and 7
           and roles <@ array['PARTNERSHIP_ADMIN', 'STRATEGIC_LEAD', 'ACTION_LEAD', 'ANALYST',
                              'VIEWER', 'DATA_PROTECTION_LEAD', 'SHARING_OFFICER']);
