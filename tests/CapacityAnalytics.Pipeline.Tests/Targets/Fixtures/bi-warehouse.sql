-- A small warehouse with every published mart and capacity table, for the measures, Power BI and dashboard tests.
-- Columns mirror the real marts (a test compares them with a model build). As of 2025-03-02; 3 CSMs, 5 customers,
-- 8 ISO weeks from 2025-01-06. Hand-worked totals are noted beside the rows they come from.

create table dim_csm (
    csm_id varchar, csm_name varchar, email varchar, team varchar, manager_id varchar, role varchar, fte double,
    weekly_hours double, start_date date, end_date date, on_roster boolean, book_accounts bigint, book_arr double
);
insert into dim_csm by name
select * from (values
    ('c1', 'Ana O''Neil', 'east', 'dedicated', 1.0, 40.0, true, 2, 500000.0),
    ('c2', 'Ben <b>Bold</b>', 'east', 'dedicated', 1.0, 40.0, true, 2, 200000.0),
    ('c3', 'Cy Smith', 'west', 'pooled', 0.8, 40.0, true, 1, 80000.0)
) as t(csm_id, csm_name, team, role, fte, weekly_hours, on_roster, book_accounts, book_arr);

create table dim_segment (
    segment varchar, min_arr double, max_arr double, lane varchar, qbr_every_months double, accounts bigint, arr double
);
insert into dim_segment values
    ('enterprise', 50000, null, 'dedicated', 3, 4, 700000),
    ('mid_market', 10000, 50000, 'pooled', 6, 1, 30000),
    ('smb', null, 10000, 'digital', null, 0, 0);

create table dim_account (
    account_id varchar, account_name varchar, csm_id varchar, arr double, segment varchar, lane varchar, industry varchar,
    employees bigint, product_complexity bigint, integrations bigint, stakeholders bigint, expansion_potential varchar,
    contract_start date, renewal_date date, churned_on date, is_customer boolean
);
insert into dim_account by name
select * from (values
    ('a1', 'Acme', 'c1', 200000.0, 'enterprise', date '2025-04-15'),
    ('a2', 'Birch & Co', 'c1', 300000.0, 'enterprise', date '2025-09-01'),
    ('a3', 'Cobalt', 'c2', 150000.0, 'enterprise', date '2025-05-01'),
    ('a4', 'Dune', 'c2', 50000.0, 'enterprise', date '2025-03-20'),
    ('a5', 'Elm', 'c3', 30000.0, 'mid_market', date '2025-12-01')
) as t(account_id, account_name, csm_id, arr, segment, renewal_date);
update dim_account set is_customer = true, contract_start = date '2024-01-01', lane = 'dedicated';

create table dim_date (
    date_day date, week_start date, month_start date, year bigint, month bigint, iso_year bigint, iso_week bigint,
    iso_day_of_week bigint, is_weekend boolean
);
insert into dim_date
select d::date, date_trunc('week', d)::date, date_trunc('month', d)::date, year(d), month(d), isoyear(d), week(d),
    isodow(d), isodow(d) >= 6
from range(date '2024-10-01', date '2026-03-03', interval 1 day) as r(d);

-- Weekly CSM facts, weeks i = 0..7 from 2025-01-06:
--   c1: available 40, proactive 12, reactive 6              -> 96 proactive, 48 reactive, 144 customer, 320 available
--   c2: available 40, proactive 12 - i, reactive 8 (sliding) -> 68 proactive, 64 reactive, 132 customer, 320 available
--   c3: available 32, proactive 8, reactive 8               -> 64 proactive, 64 reactive, 128 customer, 256 available
--   all: 228 proactive, 176 reactive, 404 customer, 896 available; proactive share 228 / 404.
--   book: c1 10 accounts, 8 covered in 30d; c2 8 accounts, 4 covered; c3 6 accounts, 6 covered -> coverage 144 / 192.
create table fct_csm_week (
    csm_id varchar, team varchar, week_start date, csms bigint, nominal_hours double, time_off_hours double,
    available_hours double, proactive_hours double, reactive_hours double, ticket_hours double, unmapped_hours double,
    internal_hours double, book_accounts bigint, book_arr double, onboarding_accounts bigint, renewals_in_horizon bigint,
    renewal_arr_in_horizon double, renewal_bunching bigint, accounts_at_risk bigint, arr_at_risk double,
    proactive_touches bigint, accounts_covered_30d bigint, accounts_covered_60d bigint, accounts_covered_90d bigint,
    arr_covered_30d double, arr_covered_60d double, arr_covered_90d double, accounts_gone_dark bigint, qbrs_due bigint,
    qbrs_held bigint, no_contact_accounts bigint, no_contact_health_drift double, no_contact_usage_drift double,
    no_contact_declining_accounts bigint, tickets_created bigint, escalations bigint, expansion_opps_opened bigint,
    expansion_meetings bigint, ttfr_median_hours double, ttfr_p90_hours double, customer_hours double,
    proactive_share double, utilization double, time_off_share double, proactive_touches_per_account double,
    coverage_30d double, coverage_60d double, coverage_90d double, arr_coverage_30d double, arr_coverage_60d double,
    arr_coverage_90d double, gone_dark_share double, qbr_completion double, onboarding_share double,
    expansion_opps_per_account double, expansion_meetings_per_account double, ttfr_median_trend_hours double
);
insert into fct_csm_week by name
select
    csm.csm_id, csm.team, (date '2025-01-06' + cast(7 * w.i as integer))::date as week_start, 1 as csms,
    csm.available as nominal_hours, 0.0 as time_off_hours, csm.available as available_hours,
    case when csm.csm_id = 'c2' then 12.0 - w.i else csm.proactive end as proactive_hours,
    csm.reactive as reactive_hours, 1.0 as ticket_hours, 0.0 as unmapped_hours, 8.0 as internal_hours,
    csm.accounts as book_accounts, csm.arr as book_arr, csm.onboarding as onboarding_accounts,
    csm.renewals as renewals_in_horizon, csm.renewal_arr as renewal_arr_in_horizon, csm.renewals as renewal_bunching,
    csm.dark as accounts_at_risk, csm.risk_arr as arr_at_risk, 3 as proactive_touches,
    csm.covered as accounts_covered_30d, csm.covered as accounts_covered_60d, csm.accounts as accounts_covered_90d,
    csm.arr * 0.8 as arr_covered_30d, csm.arr * 0.9 as arr_covered_60d, csm.arr as arr_covered_90d,
    csm.dark as accounts_gone_dark, 2 as qbrs_due, 1 as qbrs_held
from (values
    ('c1', 'east', 40.0, 12.0, 6.0, 10, 500000.0, 1, 2, 350000.0, 1, 300000.0, 8),
    ('c2', 'east', 40.0, 0.0, 8.0, 8, 200000.0, 0, 2, 200000.0, 1, 150000.0, 4),
    ('c3', 'west', 32.0, 8.0, 8.0, 6, 80000.0, 2, 0, 0.0, 0, 30000.0, 6)
) as csm(csm_id, team, available, proactive, reactive, accounts, arr, onboarding, renewals, renewal_arr, dark, risk_arr, covered),
    range(8) as w(i);
update fct_csm_week set
    customer_hours = proactive_hours + reactive_hours + unmapped_hours,
    proactive_share = proactive_hours / (proactive_hours + reactive_hours),
    utilization = (proactive_hours + reactive_hours) / (available_hours * 2.0 / 3.0),
    coverage_30d = accounts_covered_30d / book_accounts,
    coverage_90d = accounts_covered_90d / book_accounts,
    qbr_completion = qbrs_held / qbrs_due;

create table fct_indicator_rollup as
select 'csm' as level, csm_id as key, * exclude (csm_id, team) from fct_csm_week where false;
insert into fct_indicator_rollup by name select 'csm' as level, csm_id as key, * exclude (csm_id, team) from fct_csm_week;
insert into fct_indicator_rollup by name
select 'team' as level, team as key, week_start, sum(proactive_hours) as proactive_hours, sum(reactive_hours) as reactive_hours,
    sum(proactive_hours) / sum(proactive_hours + reactive_hours) as proactive_share,
    sum(accounts_covered_30d) / sum(book_accounts) as coverage_30d
from fct_csm_week group by all;

-- Customers at 2025-03-02: gone dark a2, a3 (2); at risk a2, a3, a5 -> ARR 300k + 150k + 30k = 480k;
-- renewing within 90 days a1, a3, a4 (3) -> ARR 200k + 150k + 50k = 400k.
create table fct_account_health (
    account_id varchar, as_of date, csm_id varchar, team varchar, segment varchar, arr double, last_proactive_date date,
    days_since_proactive_touch bigint, last_contact_date date, days_since_contact bigint, last_qbr_date date,
    gone_dark boolean, no_contact boolean, onboarding boolean, qbr_due boolean, qbr_held boolean, health_score double,
    health_change_28d double, active_users_4w double, usage_change_4w double, declining_without_contact boolean,
    next_renewal_date date, at_risk boolean
);
insert into fct_account_health by name
select *, date '2025-03-02' as as_of from (values
    ('a1', 'c1', 'east', 'enterprise', 200000.0, 10, false, false, date '2025-04-15'),
    ('a2', 'c1', 'east', 'enterprise', 300000.0, 75, true, true, null),
    ('a3', 'c2', 'east', 'enterprise', 150000.0, 70, true, true, date '2025-05-01'),
    ('a4', 'c2', 'east', 'enterprise', 50000.0, 5, false, false, date '2025-03-20'),
    ('a5', 'c3', 'west', 'mid_market', 30000.0, 20, false, true, null)
) as t(account_id, csm_id, team, segment, arr, days_since_proactive_touch, gone_dark, at_risk, next_renewal_date);

create table fct_account_month (
    account_id varchar, month_start date, csm_id varchar, segment varchar, arr double, activities bigint,
    proactive_hours double, reactive_hours double, unmapped_hours double, tickets bigint, ticket_minutes double,
    ticket_hours double, onboarding boolean, expansion_active boolean, product_complexity bigint, stakeholders bigint,
    stakeholders_for_model bigint, customer_hours double
);
insert into fct_account_month by name
select account_id, date '2025-02-01' as month_start, csm_id, segment, arr, 4 as activities, 3.0 as proactive_hours,
    1.0 as reactive_hours, 0.0 as unmapped_hours, 0 as tickets, 0.0 as ticket_minutes, 0.0 as ticket_hours,
    false as onboarding, false as expansion_active, 3 as product_complexity, 3 as stakeholders,
    3 as stakeholders_for_model, 4.0 as customer_hours
from dim_account;

create table fct_activity (
    activity_id varchar, account_id varchar, csm_id varchar, logged_by_csm_id varchar, activity_date date,
    week_start date, month_start date, vendor_type varchar, activity_type varchar, activity_class varchar,
    direction varchar, segment varchar, duration_minutes double, standard_minutes double, prep_minutes double,
    minutes double, hours double
);
insert into fct_activity values
    ('x1', 'a1', 'c1', 'c1', date '2025-02-03', date '2025-02-03', date '2025-02-01', 'QBR', 'qbr', 'proactive', null, 'enterprise', 60, 60, 60, 120, 2),
    ('x2', 'a3', 'c2', 'c2', date '2025-02-04', date '2025-02-03', date '2025-02-01', 'Email', 'email', 'reactive', 'inbound', 'enterprise', null, 10, 0, 10, 10.0 / 60);

-- Alerts: e1 (c2, open, exposed 200k, 2 renewals), e2 (team east, open), e3 (c1, closed).
--   Open alerts 2; exposed ARR (open, CSM level) 200k; exposed renewals 2.
create table fct_early_warning (
    alert_id varchar, family varchar, level varchar, key varchar, indicator varchar, breach_started_week date,
    opened_week date, last_week date, closed_week date, status varchar, weeks_open bigint, weeks_breached bigint,
    baseline_value double, threshold_value double, opened_value double, worst_value double, current_value double,
    drop_value double, exposure_week date, exposed_accounts bigint, exposed_arr double, renewals_in_horizon bigint,
    renewal_arr_in_horizon double, arr_at_risk double, likely_cause varchar, exposure_counted boolean,
    counted_exposed_accounts bigint, counted_exposed_arr double, counted_renewals_in_horizon bigint,
    counted_renewal_arr_in_horizon double, counted_arr_at_risk double, next_step varchar
);
insert into fct_early_warning values
    ('e1', 'decline', 'csm', 'c2', 'proactive_share', date '2025-02-03', date '2025-02-10', date '2025-02-24', null, 'open', 3, 4,
        0.58, null, 0.5, 0.43, 0.43, 0.15, date '2025-02-24', 2, 200000, 2, 200000, 150000, 'escalations up <script>alert(1)</script>',
        true, 2, 200000, 2, 200000, 150000, 'escalations up: review the escalated accounts with support'),
    ('e2', 'decline', 'team', 'east', 'coverage_30d', date '2025-02-10', date '2025-02-17', date '2025-02-24', null, 'open', 2, 3,
        0.9, null, 0.7, 0.67, 0.67, 0.23, date '2025-02-24', 4, 700000, 4, 550000, 450000, null,
        true, 4, 700000, 4, 550000, 450000, 'no cause in the data: ask the CSM in the next 1:1'),
    ('e3', 'decline', 'csm', 'c1', 'proactive_share', date '2024-11-04', date '2024-11-11', date '2024-11-25', date '2024-12-02', 'closed', 3, 4,
        0.7, null, 0.5, 0.5, 0.5, 0.2, date '2024-11-25', 2, 500000, 1, 200000, 0, 'time off in window',
        false, 0, 0, 0, 0, 0, 'time off: no action'),
    -- c2 is also over capacity: a second open alert on the same book, its exposure not counted again.
    ('e4', 'overload', 'csm', 'c2', 'utilization', date '2025-02-10', date '2025-02-17', date '2025-02-24', null, 'open', 2, 3,
        1.0, 1.0, 1.2, 1.3, 1.25, -0.25, date '2025-02-24', 2, 200000, 2, 200000, 150000, 'book grew by 2 accounts',
        false, 0, 0, 0, 0, 0, 'book grew by 2 accounts: rebalance');

-- Backtest: flagged NRR (90k + 100k) / 200k = 0.95; unflagged 2.02M / 2M = 1.01;
--   flagged renewal rate 3 / 4 = 0.75; unflagged 17 / 20 = 0.85.
create table fct_alert_backtest (
    alert_id varchar, level varchar, key varchar, indicator varchar, opened_week date, start_date date, end_date date,
    observed_days bigint, flagged_accounts bigint, flagged_start_arr double, flagged_end_arr double, flagged_nrr double,
    flagged_churned_accounts bigint, flagged_renewals_won bigint, flagged_renewals_lost bigint,
    flagged_renewal_win_rate double, unflagged_accounts bigint, unflagged_start_arr double, unflagged_end_arr double,
    unflagged_nrr double, unflagged_churned_accounts bigint, unflagged_renewals_won bigint,
    unflagged_renewals_lost bigint, unflagged_renewal_win_rate double
);
insert into fct_alert_backtest values
    ('b1', 'csm', 'c1', 'proactive_share', date '2024-06-03', date '2024-06-09', date '2024-09-07', 90,
        3, 100000, 90000, 0.9, 1, 1, 1, 0.5, 20, 1000000, 1020000, 1.02, 0, 8, 2, 0.8),
    ('b2', 'csm', 'c3', 'coverage_30d', date '2024-07-01', date '2024-07-07', date '2024-10-05', 90,
        2, 100000, 100000, 1.0, 0, 2, 0, 1.0, 21, 1000000, 1000000, 1.0, 0, 9, 1, 0.9);

create table capacity_planned (
    segment varchar, lane varchar, planned_hours_per_account_month double, accounts_per_csm_low double,
    accounts_per_csm_high double, arr_per_csm_low double, arr_per_csm_high double, points_per_account double
);
insert into capacity_planned values
    ('enterprise', 'dedicated', 9.0, 8, 20, 1200000, 3000000, 3.0),
    ('mid_market', 'pooled', 3.0, 30, 45, 600000, 1000000, 1.0),
    ('smb', 'digital', 0.5, 150, 250, 500000, 900000, 0.2);

-- Touchpoints: enterprise planned 4.0 + 2.0 = 6.0 h, observed 5.0 + 3.0 = 8.0 h; all segments planned 7.5, observed 9.0.
create table capacity_touchpoint (
    segment varchar, type varchar, planned_per_month double, observed_per_month double, planned_minutes double,
    observed_minutes double, planned_hours double, observed_hours double
);
insert into capacity_touchpoint values
    ('enterprise', 'qbr', 0.33, 0.25, 120, 150, 4.0, 5.0),
    ('enterprise', 'check_in', 2, 3, 60, 60, 2.0, 3.0),
    ('mid_market', 'check_in', 1, 0.8, 45, 45, 1.0, 0.75),
    ('smb', 'escalation', 0.5, 0.25, 60, 60, 0.5, 0.25);

create table capacity_calibrated (
    parameter varchar, segment varchar, planned double, estimate double, low double, high double
);
insert into capacity_calibrated values
    ('base_hours', 'enterprise', 6.0, 7.2, 6.5, 8.1),
    ('base_hours', 'mid_market', 2.5, 2.1, 1.8, 2.6),
    ('base_hours', 'smb', 0.5, 0.4, 0.3, 0.6),
    ('complexity_multiplier', null, 1.1, 1.18, 1.1, 1.27),
    ('onboarding_uplift', null, 1.5, 1.62, 1.4, 1.9),
    ('expansion_uplift', null, 1.3, 1.22, 1.1, 1.35),
    ('stakeholder_factor', null, 1.05, 1.02, 0.98, 1.07);

-- Fit: pseudo R2 weighted by account-months (0.6 x 100 + 0.3 x 200 + 0.9 x 100) / 400 = 0.525.
create table capacity_fit_quality (
    segment varchar, account_months bigint, observed_mean double, predicted_mean double, mae double, rmse double,
    pseudo_r2 double
);
insert into capacity_fit_quality values
    ('enterprise', 100, 7.9, 7.6, 1.9, 2.6, 0.6),
    ('mid_market', 200, 2.2, 2.3, 0.9, 1.3, 0.3),
    ('smb', 100, 0.4, 0.45, 0.2, 0.3, 0.9);

create table capacity_recommendation (
    segment varchar, accounts_per_csm_low double, accounts_per_csm_mid double, accounts_per_csm_high double,
    arr_per_csm_low double, arr_per_csm_mid double, arr_per_csm_high double, overload_share double
);
insert into capacity_recommendation values
    ('enterprise', 10, 12.5, 15, 1500000, 1875000, 2250000, 0.1),
    ('mid_market', 32, 38, 44, 640000, 760000, 880000, 0.1),
    ('smb', 160, 200, 240, 560000, 700000, 840000, 0.1);

-- Headcount: now 2.5 + 1.0 + 0.5 = 4.0; forward 3.0 + 1.5 + 0.5 = 5.0.
create table capacity_headcount_plan (
    segment varchar, accounts double, arr double, headcount_now double, forward_arr double, forward_accounts double,
    forward_headcount double, headcount_now_calibrated double, forward_headcount_calibrated double,
    hours_per_account_month double, hours_per_account_month_calibrated double
);
insert into capacity_headcount_plan values
    ('enterprise', 4, 700000, 2.5, 840000, 5, 3.0, 3.5, 4.0, 60.0, 84.0),
    ('mid_market', 1, 30000, 1.0, 45000, 2, 1.5, 1.5, 2.0, 96.0, 144.0),
    ('smb', 0, 0, 0.5, 0, 0, 0.5, 0.5, 0.5, 0.0, 0.0),
    -- The calibrate stage writes a total row too: measures must not count it again (4.0 now, 5.0 forward;
    -- at the calibrated model 5.5 now, 6.5 forward).
    ('total', 5, 730000, 4.0, 885000, 7, 5.0, 5.5, 6.5, 67.2, 96.0);

create table capacity_scenario (
    scenario varchar, segment varchar, headcount double, accounts_per_csm double, arr_per_csm double, headcount_delta double
);
insert into capacity_scenario values
    ('deal_size_up_20', 'enterprise', 2.2, 14, 2200000, -0.3),
    ('deal_size_up_20', 'mid_market', 0.9, 40, 900000, -0.1),
    ('smb_digital', 'enterprise', 2.5, 12.5, 1875000, 0),
    ('smb_digital', 'smb', 0.2, 400, 1400000, -0.3),
    ('arr_growth_30', 'enterprise', 3.2, 12.5, 1875000, 0.7),
    ('arr_growth_30', 'mid_market', 1.4, 38, 760000, 0.4),
    ('deal_size_up_20', 'total', 3.1, 13, 1990000, -0.4);

-- Model backtest, Q1 2025: c1 observed 100 h (predicted 90, range 80-110, planned 50, last quarter 130),
-- c2 observed 50 h (predicted 60, range 40-55: outside, planned 40, last quarter 45), company 150 h.
-- MAPE per CSM-quarter: calibrated (0.1 + 0.2) / 2 = 0.15, planned (0.5 + 0.2) / 2 = 0.35, naive (0.3 + 0.1) / 2 = 0.2;
-- range coverage 1 / 2.
create table capacity_backtest (
    quarter_start date, level varchar, key varchar, account_months integer, observed_hours double, predicted_hours double,
    low double, high double, in_range boolean, planned_hours double, naive_hours double, training_account_months integer
);
insert into capacity_backtest values
    (date '2025-01-01', 'csm', 'c1', 30, 100, 90, 80, 110, true, 50, 130, 300),
    (date '2025-01-01', 'csm', 'c2', 24, 50, 60, 40, 55, false, 40, 45, 300),
    (date '2025-01-01', 'company', 'all', 54, 150, 150, 120, 180, true, 90, 175, 300);

create table capacity_drift (
    fitted_before date, parameter varchar, estimate double, low double, high double, changed_beyond_range boolean
);
insert into capacity_drift values
    (date '2024-10-01', 'base_hours.enterprise', 9.0, 8.0, 10.0, false),
    (date '2025-01-01', 'base_hours.enterprise', 11.0, 10.0, 12.0, true);

-- Planning (written by the calibrate stage's C#; column types as RecordTable writes them). c1 is above the band
-- (110 of 100 h), c2 below (60), c3 below (40 of 80): 3 out before. Moving a2 (20 h) from c1 to c2 brings both in
-- (90, 80); c3's pooled lane has no other CSM: 1 out after. 1 move, 20 h.
create table capacity_rebalance (
    account_id varchar, from_csm_id varchar, to_csm_id varchar, lane varchar, hours_moved double, protection varchar,
    reason varchar, solve_status varchar
);
insert into capacity_rebalance values
    ('a2', 'c1', 'c2', 'dedicated', 20.0, null, 'c1 above band at 110%; c2 below band at 60%', 'optimal');

create table capacity_rebalance_load (
    csm_id varchar, lane varchar, capacity_hours double, band_low_hours double, band_high_hours double,
    accounts_before integer, hours_before double, load_before double, in_band_before boolean,
    accounts_after integer, hours_after double, load_after double, in_band_after boolean,
    moves_in integer, moves_out integer, solve_status varchar
);
insert into capacity_rebalance_load values
    ('c1', 'dedicated', 100.0, 70.0, 95.0, 2, 110.0, 1.10, false, 1, 90.0, 0.90, true, 0, 1, 'optimal'),
    ('c2', 'dedicated', 100.0, 70.0, 95.0, 2, 60.0, 0.60, false, 3, 80.0, 0.80, true, 1, 0, 'optimal'),
    ('c3', 'pooled', 80.0, 56.0, 76.0, 1, 40.0, 0.50, false, 1, 40.0, 0.50, false, 0, 0, 'optimal');

-- a4 (5 h expected) is recommended pooled, a5 (pooled, 1 h) digital at 0.05 h: dedicated frees 5 h (-0.05 FTE of
-- 100 h), pooled needs 5 - 1 = 4 h (+0.04), digital 0.05 h (+0.0005). Two accounts change lane.
create table capacity_lane_recommendation (
    account_id varchar, csm_id varchar, segment varchar, arr double, complexity integer, expected_hours double,
    observed_hours double, tickets_per_month double, current_lane varchar, recommended_lane varchar, changes_lane boolean,
    reasons varchar, hours_now double, hours_recommended double, hours_change double
);
insert into capacity_lane_recommendation values
    ('a1', 'c1', 'enterprise', 200000.0, 3, 25.0, 24.0, 1.0, 'dedicated', 'dedicated', false, 'ARR 200,000 >= 50,000', 25.0, 25.0, 0.0),
    ('a4', 'c2', 'enterprise', 50000.0, 2, 5.0, 4.0, 0.5, 'dedicated', 'pooled', true, 'below the dedicated thresholds; not digital: ARR 50,000 >= 10,000', 5.0, 5.0, 0.0),
    ('a5', 'c3', 'mid_market', 30000.0, 2, 1.0, 0.8, 0.2, 'pooled', 'digital', true, 'ARR 30,000 < 40,000; healthy', 1.0, 0.05, -0.95);

create table capacity_lane_summary (
    lane varchar, accounts_now integer, accounts_recommended integer, accounts_in integer, accounts_out integer,
    hours_now double, hours_recommended double, hours_change double, fte_change double
);
insert into capacity_lane_summary values
    ('dedicated', 2, 1, 0, 1, 30.0, 25.0, -5.0, -0.05),
    ('pooled', 1, 1, 1, 1, 1.0, 5.0, 4.0, 0.04),
    ('digital', 0, 1, 1, 0, 0.0, 0.05, 0.05, 0.0005);

-- Hiring (calibrate stage's C#). enterprise: 2.0 FTE x 100 h = 200 h against 180 h now, growing 5 h a month: the
-- first month above 200 h is the 5th (180 + 5 x 5 = 205), 4 months of headroom, above the 3-month lead time: open a
-- requisition by 2025-02. smb: 90 h needed against 80 h: already over (0 months), open a requisition now. So 1
-- requisition to open now, 1 + 1 hires within the horizon.
create table capacity_hiring_plan (
    segment varchar, lane varchar, headcount_now double, capacity_hours_month double, hours_needed_month double,
    new_accounts_per_month double, expansion_arr_per_month double, runs_out_month date, requisition_month date,
    lead_time_months integer, months_of_headroom integer, status varchar, accounts double, hours_per_account_month double,
    hours_basis varchar, churned_accounts_per_month double, growth_basis varchar, hires_within_horizon integer
);
insert into capacity_hiring_plan values
    ('enterprise', 'dedicated', 2.0, 100.0, 180.0, 1.0, 5000.0, date '2025-05-01', date '2025-02-01', 3, 4, 'open requisition by 2025-02',
     30.0, 6.0, 'calibrated', 0.2, 'trailing', 1),
    ('smb', 'pooled', 1.0, 80.0, 90.0, 4.0, 500.0, date '2025-01-01', date '2025-01-01', 3, 0, 'open requisition now',
     120.0, 0.75, 'calibrated', 2.0, 'trailing', 1);

create table capacity_hiring_projection (
    segment varchar, lane varchar, month date, accounts double, arr double, hours_needed double, capacity_hours double, load_share double
);
insert into capacity_hiring_projection values
    ('enterprise', 'dedicated', date '2025-01-01', 30.0, 3000000.0, 180.0, 200.0, 0.90),
    ('enterprise', 'dedicated', date '2025-02-01', 30.8, 3085000.0, 185.0, 200.0, 0.925),
    ('enterprise', 'dedicated', date '2025-03-01', 31.7, 3170000.0, 190.0, 200.0, 0.95),
    ('smb', 'pooled', date '2025-01-01', 120.0, 600000.0, 90.0, 80.0, 1.125),
    ('smb', 'pooled', date '2025-02-01', 122.0, 610000.0, 91.5, 80.0, 1.14375),
    ('smb', 'pooled', date '2025-03-01', 124.0, 620000.0, 93.0, 80.0, 1.1625);
