-- Drafts of quarterly updates, kept as a person types (with JavaScript), so that what they wrote
-- can be offered back if their session ends before they save. One per person, action and period;
-- only ever shown to the person who wrote it; removed when they save the update or discard the
-- draft, and after 30 days.
create table progress_draft (
    user_account_id bigint not null references user_account (id) on delete cascade,
    action_id       bigint not null references plan_action (id) on delete cascade,
    year            integer not null check (year between 1990 and 2100),
    quarter         integer not null check (quarter between 1 and 4),
    partnership_id  bigint not null references partnership (id),
    rating          text check (rating in ('GREEN', 'AMBER_GREEN', 'AMBER', 'AMBER_RED',
                        'RED', 'NOT_STARTED', 'COMPLETED', 'NOT_RATED')),
    comment         text not null default '' check (length(comment) <= 8000),
    saved_at        timestamptz not null,
    primary key (user_account_id, action_id, year, quarter)
);
create index progress_draft_by_age on progress_draft (saved_at);
