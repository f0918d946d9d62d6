-- How each person wants the reminders of the reporting cycle: at each step, or one weekly digest
-- (reminders of late updates come either way).
create table reminder_preference (
    user_account_id  bigint primary key references user_account (id) on delete cascade,
    weekly_digest    boolean not null default false
);

-- Every reminder sent, by what it covers (its key), so that none is ever sent twice, by any node.
create table reminder_sent (
    partnership_id   bigint not null references partnership (id),
    user_account_id  bigint not null references user_account (id) on delete cascade,
    key              text not null check (length(key) between 1 and 200),
    sent_on          date not null,
    mail_message_id  bigint references mail_message (id) on delete set null,
    primary key (partnership_id, user_account_id, key)
);
