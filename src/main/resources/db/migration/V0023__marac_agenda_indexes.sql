-- The agenda of a meeting reads the cases with an open action from an earlier meeting, and the
-- coordinator's view of it counts the referrals still waiting for a meeting: both in a few index
-- entries instead of every referral of the MARAC.
create index marac_action_open_by_meeting on marac_action (meeting_id) where status = 'OPEN';
create index marac_referral_waiting on marac_referral (marac_id, referral_date)
    where meeting_id is null and closed_on is null and purged_at is null;
