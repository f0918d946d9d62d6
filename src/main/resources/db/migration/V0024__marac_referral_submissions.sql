-- The one-time token of each referral form sent: a second sending of the same form (a double
-- click, the browser's resend) finds the referral the first one recorded instead of recording the
-- victim again, which would also count as a repeat. The form's content is kept as a SHA-256 hash of
-- what was sent (no personal data), so that a form changed and sent again under the same token is
-- shown back to the coordinator rather than taken for the first.
create table marac_referral_submission (
    marac_id    bigint not null references marac (id) on delete cascade,
    token       uuid not null,
    referral_id bigint not null references marac_referral (id) on delete cascade,
    content     text not null check (content ~ '^[0-9a-f]{64}$'),
    primary key (marac_id, token)
);
