-- PostgreSQL's numeric also holds NaN (and, from PostgreSQL 14, ±Infinity), which no figure is and
-- Java cannot read as a BigDecimal (the page reading one would fail). CCR Hub never writes them;
-- these checks keep a hand-edited database from holding them either. x - x is 0 for every finite
-- number and NaN for the others, on every PostgreSQL version; null passes, as it should.
alter table indicator
    add constraint indicator_population_finite check (population - population = 0),
    add constraint indicator_baseline_finite check (baseline_value - baseline_value = 0),
    add constraint indicator_target_finite check (target_value - target_value = 0),
    add constraint indicator_target_change_pct_finite
        check (target_change_pct - target_change_pct = 0),
    add constraint indicator_target_change_points_finite
        check (target_change_points - target_change_points = 0);
alter table indicator_value
    add constraint indicator_value_value_finite check (value - value = 0),
    add constraint indicator_value_numerator_finite check (numerator - numerator = 0),
    add constraint indicator_value_denominator_finite check (denominator - denominator = 0);

-- The confirmation page's one-time token: pressing "Issue board pack" twice, or sending the page
-- again, issues one pack. Packs issued from the command line have none.
alter table issued_board_pack add column issue_token uuid;
create unique index issued_board_pack_once on issued_board_pack (partnership_id, issue_token);
