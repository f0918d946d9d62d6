-- Lookups the directory pages and deletions make: people of an agency, groups under a parent,
-- groups of a person (the primary key serves groups' members only).
create index person_by_agency on person (partnership_id, agency_id);
create index partnership_group_by_parent on partnership_group (partnership_id, parent_id);
create index group_membership_by_person on group_membership (partnership_id, person_id);
