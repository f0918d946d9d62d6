-- Reporting periods belong to a delivery plan (plans of one partnership can run different cycles),
-- with the date updates are due by and, optionally, the day the period closes by itself.
alter table reporting_period drop constraint reporting_period_pkey;
alter table reporting_period add column plan_id bigint;
alter table reporting_period add column due_date date;
alter table reporting_period add column closes_on date;
alter table reporting_period add column opened_at timestamptz;

-- Every plan of the partnership takes over the partnership's periods.
insert into reporting_period (partnership_id, plan_id, year, quarter, closed_at)
select rp.partnership_id, dp.id, rp.year, rp.quarter, rp.closed_at
from reporting_period rp join delivery_plan dp on dp.partnership_id = rp.partnership_id
where rp.plan_id is null;
delete from reporting_period where plan_id is null;

alter table reporting_period alter column plan_id set not null;
alter table reporting_period add primary key (plan_id, year, quarter);
alter table reporting_period add constraint reporting_period_plan
    foreign key (partnership_id, plan_id) references delivery_plan (partnership_id, id) on delete cascade;
alter table reporting_period add constraint reporting_period_closes_after_due
    check (closes_on is null or due_date is null or closes_on >= due_date);
create index reporting_period_open on reporting_period (partnership_id) where closed_at is null;
