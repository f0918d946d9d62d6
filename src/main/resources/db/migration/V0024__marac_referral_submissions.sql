-- The one-time token of each referral form sent: a second sending of the same form (a double
-- click, the browser's resend) finds the referral the first one recorded instead of recording the
-- victim again, which would also count as a repeat.
create table marac_referral_submission (
    marac_id    bigint not null references marac (id) on delete cascade,
    token       uuid not null,
    referral_id bigint not null references marac_referral (id) on delete cascade,
    primary key (marac_id, token)
);
