-- Alert episodes: a run of consecutive breach weeks of one rule for one CSM, team, segment or the company. The alert
-- opens in the persist_weeks-th consecutive breach week, stays one row while the breach lasts and closes in the first
-- week without a breach (open while the breach reaches the last week).
with signal as (
    select * from int_ew_signal
),

params as (
    select * from model_early_warning
),

drivers as (
    select * from int_ew_drivers
),

rollup as (
    select * from fct_indicator_rollup
),

latest_weeks as (
    select
        indicator,
        level,
        key,
        max(week_no) as latest_week_no,
    from signal
    group by all
),

breach_runs as (
    select
        signal.*,
        signal.week_no - row_number() over (partition by signal.indicator, signal.level, signal.key order by signal.week_no) as run_id,
    from signal
    where signal.breach
),

runs as (
    select
        indicator,
        level,
        key,
        run_id,
        min(week_start) as breach_started_week,
        max(week_start) as last_week,
        max(week_no) as last_week_no,
        count(*) as weeks_breached,
    from breach_runs
    group by all
),

episodes as (
    select
        runs.*,
        cast(runs.breach_started_week + 7 * (params.persist_weeks - 1) as date) as opened_week,
        case when runs.last_week_no < latest_weeks.latest_week_no then cast(runs.last_week + 7 as date) end as closed_week,
    from runs
    cross join params
    inner join latest_weeks using (indicator, level, key)
    where runs.weeks_breached >= params.persist_weeks
),

described as (
    select
        left(md5(concat_ws('|', episodes.level, episodes.key, episodes.indicator, cast(episodes.opened_week as varchar))), 16) as alert_id,
        episodes.level,
        episodes.key,
        episodes.indicator,
        episodes.breach_started_week,
        episodes.opened_week,
        episodes.last_week,
        episodes.closed_week,
        case when episodes.closed_week is null then 'open' else 'closed' end as status,
        episodes.weeks_breached,
        at_open.baseline_value,
        at_open.current_value as opened_value,
        at_last.current_value,
        at_open.baseline_value - at_last.current_value as drop_value,
        exposure.book_accounts as exposed_accounts,
        exposure.book_arr as exposed_arr,
        exposure.renewals_in_horizon,
        exposure.renewal_arr_in_horizon,
        exposure.arr_at_risk,
        drivers.likely_cause,
    from episodes
    inner join signal as at_open
        on at_open.indicator = episodes.indicator
        and at_open.level = episodes.level
        and at_open.key = episodes.key
        and at_open.week_start = episodes.opened_week
    inner join signal as at_last
        on at_last.indicator = episodes.indicator
        and at_last.level = episodes.level
        and at_last.key = episodes.key
        and at_last.week_start = episodes.last_week
    left join rollup as exposure
        on exposure.level = episodes.level
        and exposure.key = episodes.key
        and exposure.week_start = episodes.last_week
    left join drivers
        on drivers.level = episodes.level
        and drivers.key = episodes.key
        and drivers.week_start = episodes.opened_week
)

select * from described
