-- A partnership's own lawful bases and information types, kept on their pages by its
-- administrators and data protection lead (issue 13, ADR 20). Each row gets a version, so that two
-- people changing one entry at once are told rather than overwrite each other; the rules the form
-- follows hold here too. Shipped rows already keep them.
alter table lawful_basis
    add column version integer not null default 0,
    add constraint lawful_basis_days_in_use_in_order
        check (in_use_from is null or in_use_until is null or in_use_until >= in_use_from),
    add constraint lawful_basis_days_in_use_bounded
        check (in_use_from between date '1900-01-01' and date '2100-12-31'
               and in_use_until between date '1900-01-01' and date '2100-12-31'),
    add constraint lawful_basis_part_only_of_schedule_1
        check (schedule_part is null or kind = 'SCHEDULE_1'),
    add constraint lawful_basis_needs_only_of_article_9_or_10
        check (needs is null or kind in ('ARTICLE_9', 'ARTICLE_10')),
    add constraint lawful_basis_aliases_bounded
        check (cardinality(aliases) <= 20 and length(array_to_string(aliases, '')) <= 2000);

alter table information_type
    add column version integer not null default 0;
