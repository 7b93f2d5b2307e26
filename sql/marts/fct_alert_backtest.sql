-- What happened after past alerts: renewals, churn and NRR of the flagged book over the following backtest_days,
-- against the books at the same level without an open alert in the same week and period.
with alerts as (
    select * from fct_early_warning
),

context as (
    select * from run_context
),

params as (
    select * from model_early_warning
),

weeks as (
    select * from int_calendar_weeks
),

accounts as (
    select * from stg_accounts
),

backtested_alerts as (
    select
        alerts.alert_id,
        alerts.level,
        alerts.key,
        alerts.indicator,
        alerts.opened_week,
        weeks.ref_date as start_date,
        least(weeks.ref_date + params.backtest_days, context.as_of) as end_date,
    from alerts
    cross join params
    cross join context
    inner join weeks
        on weeks.week_start = alerts.opened_week
    where weeks.ref_date + params.backtest_min_days <= context.as_of
),

account_keys as (
    select account_id, week_start, arr, 'csm' as level, csm_id as key from int_account_weeks where csm_id is not null
    union all
    select account_id, week_start, arr, 'team' as level, team as key from int_account_weeks
    union all
    select account_id, week_start, arr, 'segment' as level, segment as key from int_account_weeks
    union all
    select account_id, week_start, arr, 'company' as level, 'all' as key from int_account_weeks
),

-- For each backtested alert, the books at its level with an alert of their own open in its opened week: they are in
-- neither cohort (a join on this list, where a correlated "not exists" per account-week cost three times as much).
alerted_books as (
    select distinct
        backtested_alerts.alert_id,
        other.key,
    from backtested_alerts
    inner join alerts as other
        on other.level = backtested_alerts.level
        and other.opened_week <= backtested_alerts.opened_week
        and (other.closed_week is null or other.closed_week > backtested_alerts.opened_week)
),

cohorts as (
    select
        backtested_alerts.alert_id,
        backtested_alerts.start_date,
        backtested_alerts.end_date,
        account_keys.account_id,
        account_keys.arr as start_arr,
        case when account_keys.key = backtested_alerts.key then 'flagged' else 'unflagged' end as cohort,
    from backtested_alerts
    inner join account_keys
        on account_keys.week_start = backtested_alerts.opened_week
        and account_keys.level = backtested_alerts.level
    left join alerted_books
        on alerted_books.alert_id = backtested_alerts.alert_id
        and alerted_books.key = account_keys.key
    where account_keys.key = backtested_alerts.key
        or alerted_books.key is null
),

renewal_outcomes as (
    select
        cohorts.alert_id,
        cohorts.account_id,
        count(*) filter (where opportunities.is_closed and opportunities.is_won) as renewals_won,
        count(*) filter (where opportunities.is_closed and not opportunities.is_won) as renewals_lost,
    from cohorts
    inner join stg_opportunities as opportunities
        on opportunities.account_id = cohorts.account_id
        and opportunities.opportunity_type = 'renewal'
        and opportunities.close_on > cohorts.start_date
        and opportunities.close_on <= cohorts.end_date
    group by all
),

account_outcomes as (
    select
        cohorts.*,
        coalesce(accounts.churned_on > cohorts.start_date and accounts.churned_on <= cohorts.end_date, false) as churned,
        case
            when accounts.churned_on <= cohorts.end_date then 0
            else coalesce(ownership.arr, cohorts.start_arr)
        end as end_arr,
        coalesce(renewal_outcomes.renewals_won, 0) as renewals_won,
        coalesce(renewal_outcomes.renewals_lost, 0) as renewals_lost,
    from cohorts
    inner join accounts using (account_id)
    left join int_account_ownership as ownership
        on ownership.account_id = cohorts.account_id
        and cohorts.end_date >= ownership.valid_from
        and cohorts.end_date < ownership.valid_until
    left join renewal_outcomes using (alert_id, account_id)
),

summarized as (
    select
        alert_id,
        count(*) filter (where cohort = 'flagged') as flagged_accounts,
        coalesce(sum(start_arr) filter (where cohort = 'flagged'), 0) as flagged_start_arr,
        coalesce(sum(end_arr) filter (where cohort = 'flagged'), 0) as flagged_end_arr,
        count(*) filter (where cohort = 'flagged' and churned) as flagged_churned_accounts,
        coalesce(sum(renewals_won) filter (where cohort = 'flagged'), 0) as flagged_renewals_won,
        coalesce(sum(renewals_lost) filter (where cohort = 'flagged'), 0) as flagged_renewals_lost,
        count(*) filter (where cohort = 'unflagged') as unflagged_accounts,
        coalesce(sum(start_arr) filter (where cohort = 'unflagged'), 0) as unflagged_start_arr,
        coalesce(sum(end_arr) filter (where cohort = 'unflagged'), 0) as unflagged_end_arr,
        count(*) filter (where cohort = 'unflagged' and churned) as unflagged_churned_accounts,
        coalesce(sum(renewals_won) filter (where cohort = 'unflagged'), 0) as unflagged_renewals_won,
        coalesce(sum(renewals_lost) filter (where cohort = 'unflagged'), 0) as unflagged_renewals_lost,
    from account_outcomes
    group by alert_id
)

select
    backtested_alerts.*,
    backtested_alerts.end_date - backtested_alerts.start_date as observed_days,
    coalesce(summarized.flagged_accounts, 0) as flagged_accounts,
    coalesce(summarized.flagged_start_arr, 0) as flagged_start_arr,
    coalesce(summarized.flagged_end_arr, 0) as flagged_end_arr,
    summarized.flagged_end_arr / nullif(summarized.flagged_start_arr, 0) as flagged_nrr,
    coalesce(summarized.flagged_churned_accounts, 0) as flagged_churned_accounts,
    cast(coalesce(summarized.flagged_renewals_won, 0) as bigint) as flagged_renewals_won,
    cast(coalesce(summarized.flagged_renewals_lost, 0) as bigint) as flagged_renewals_lost,
    summarized.flagged_renewals_won / nullif(summarized.flagged_renewals_won + summarized.flagged_renewals_lost, 0) as flagged_renewal_win_rate,
    coalesce(summarized.unflagged_accounts, 0) as unflagged_accounts,
    coalesce(summarized.unflagged_start_arr, 0) as unflagged_start_arr,
    coalesce(summarized.unflagged_end_arr, 0) as unflagged_end_arr,
    summarized.unflagged_end_arr / nullif(summarized.unflagged_start_arr, 0) as unflagged_nrr,
    coalesce(summarized.unflagged_churned_accounts, 0) as unflagged_churned_accounts,
    cast(coalesce(summarized.unflagged_renewals_won, 0) as bigint) as unflagged_renewals_won,
    cast(coalesce(summarized.unflagged_renewals_lost, 0) as bigint) as unflagged_renewals_lost,
    summarized.unflagged_renewals_won / nullif(summarized.unflagged_renewals_won + summarized.unflagged_renewals_lost, 0) as unflagged_renewal_win_rate,
from backtested_alerts
left join summarized using (alert_id)
-- Stored in the order of its key: the dashboard's measures sum its rows as stored, and sums of doubles in another
-- order can differ in the last digit, so the same inputs would not give the same pages
order by backtested_alerts.alert_id
