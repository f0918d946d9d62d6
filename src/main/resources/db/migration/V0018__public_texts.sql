-- What the public reads about an action for a period: a text apart from the lead's comment (which
-- stays internal), blank until someone writes one. It appears on the plan's public page only once
-- a strategic lead has approved it; changing an approved text withdraws the approval until it is
-- approved again. One per action and period; the version moves on at every change, so that an
-- approval is only ever of the words the approver saw.
create table public_text (
    action_id    bigint not null references plan_action (id) on delete cascade,
    year         integer not null check (year between 1990 and 2100),
    quarter      integer not null check (quarter between 1 and 4),
    text         text not null default '' check (length(text) <= 2000),
    written_by   text not null,
    written_at   timestamptz not null,
    approved_by  text,
    approved_at  timestamptz,
    version      integer not null default 0,
    primary key (action_id, year, quarter),
    constraint public_text_approval_is_whole check ((approved_by is null) = (approved_at is null)),
    constraint public_text_blank_is_never_approved check (approved_at is null or length(btrim(text)) > 0)
);

-- A draft of the update form keeps the public text typed too.
alter table progress_draft
    add column public_text text not null default '' check (length(public_text) <= 2000);
