-- A percentage or a rate can have its target as a change from the baseline in points
-- (-2 points: 31% aims at 29%), instead of a value or a percentage change: at most one of the three.
alter table indicator add column target_change_points numeric;
alter table indicator add constraint indicator_one_target
    check (num_nonnulls(target_value, target_change_pct, target_change_points) <= 1);
alter table indicator add constraint indicator_target_points_for_rates
    check (target_change_points is null or unit in ('PERCENTAGE', 'RATE_PER_1000'));
