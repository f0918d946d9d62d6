-- PostgreSQL's numeric also holds NaN and ±Infinity, which no figure is and Java cannot read as a
-- BigDecimal (the page reading one would fail). CCR Hub never writes them; these checks keep a
-- hand-edited database from holding them either. NaN sorts above Infinity, so one range check
-- refuses all three.
alter table indicator
    add constraint indicator_population_finite
        check (population < 'Infinity'),
    add constraint indicator_baseline_finite
        check (baseline_value > '-Infinity' and baseline_value < 'Infinity'),
    add constraint indicator_target_finite
        check (target_value > '-Infinity' and target_value < 'Infinity'),
    add constraint indicator_target_change_pct_finite
        check (target_change_pct > '-Infinity' and target_change_pct < 'Infinity'),
    add constraint indicator_target_change_points_finite
        check (target_change_points > '-Infinity' and target_change_points < 'Infinity');
alter table indicator_value
    add constraint indicator_value_value_finite
        check (value > '-Infinity' and value < 'Infinity'),
    add constraint indicator_value_numerator_finite
        check (numerator > '-Infinity' and numerator < 'Infinity'),
    add constraint indicator_value_denominator_finite
        check (denominator > '-Infinity' and denominator < 'Infinity');

-- The confirmation page's one-time token: pressing "Issue board pack" twice (or going back and
-- sending the page again) issues one pack. Packs issued from the command line have none.
alter table issued_board_pack add column issue_token uuid;
create unique index issued_board_pack_once on issued_board_pack (partnership_id, issue_token);
