-- Alert episodes of two families. decline: a rule of the model file fell below its frozen pre-breach baseline for
-- persist_weeks consecutive weeks; open until recovery_weeks consecutive recovered weeks (int_ew_signal). overload:
-- a CSM over customer-facing capacity or above the book range in min_weeks of the last weeks, whatever their history
-- (int_ew_overload). One row per episode, never re-raised weekly; exposure counted once per key among open alerts.
with signal as (
    select * from int_ew_signal
),

overload as (
    select * from int_ew_overload
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

weeks as (
    select * from int_calendar_weeks
),

latest_weeks as (
    select
        level,
        key,
        max(week_start) as latest_week,
    from rollup
    group by all
),

decline_episodes as (
    select
        'decline' as family,
        indicator,
        level,
        key,
        episode_no,
        min(week_start) as breach_started_week,
        min(week_start) filter (where phase = 'open') as opened_week,
        max(week_start) filter (where breach) as last_week,
        min(week_start) filter (where phase = 'closed') as closed_week,
        count(*) filter (where breach) as weeks_breached,
        arg_min(baseline_value, week_start) as baseline_value,
        cast(null as double) as threshold_value,
        arg_min(current_value, week_start) filter (where phase = 'open') as opened_value,
        min(current_value) filter (where phase = 'open') as worst_value,
    from signal
    where episode_no is not null
    group by all
    having count(*) filter (where phase = 'open') > 0
),

overload_episodes as (
    select
        'overload' as family,
        indicator,
        'csm' as level,
        key,
        episode_no,
        any_value(episode_started_week) as breach_started_week,
        min(week_start) filter (where phase = 'open') as opened_week,
        max(week_start) filter (where over and phase = 'open') as last_week,
        min(week_start) filter (where phase = 'closed') as closed_week,
        -- Over weeks while open, plus those of the window in which it opened (before that week).
        count(*) filter (where over and phase = 'open')
            + arg_min(over_weeks - cast(over as bigint), week_start) filter (where phase = 'open') as weeks_breached,
        cast(null as double) as baseline_value,
        any_value(threshold_value) as threshold_value,
        arg_min(current_value, week_start) filter (where phase = 'open') as opened_value,
        max(current_value) filter (where phase = 'open') as worst_value,
    from overload
    where episode_no is not null
    group by all
),

episodes as (
    select * from decline_episodes
    union all by name
    select * from overload_episodes
),

left_csms as (
    -- A CSM whose weekly series ends before everyone else's has left: their open alerts close the week after.
    select level, key, latest_week + 7 as left_week,
    from latest_weeks
    where level = 'csm' and latest_week < (select max(latest_week) from latest_weeks)
),

ended as (
    select
        episodes.* replace (coalesce(episodes.closed_week, left_csms.left_week) as closed_week),
    from episodes
    left join left_csms using (level, key)
),

dated as (
    select
        episodes.*,
        latest_weeks.latest_week,
        -- Where the alert stands: the latest week while open, the closing week once closed.
        least(coalesce(episodes.closed_week, latest_weeks.latest_week), latest_weeks.latest_week) as status_week,
        -- Exposure: the book now while open, in the last breach week once closed.
        case when episodes.closed_week is null then latest_weeks.latest_week else episodes.last_week end as exposure_week,
    from ended as episodes
    inner join latest_weeks using (level, key)
),

valued as (
    select
        dated.*,
        coalesce(decline_now.current_value, overload_now.current_value) as current_value,
    from dated
    left join signal as decline_now
        on dated.family = 'decline'
        and decline_now.indicator = dated.indicator
        and decline_now.level = dated.level
        and decline_now.key = dated.key
        and decline_now.week_start = dated.status_week
    left join overload as overload_now
        on dated.family = 'overload'
        and overload_now.indicator = dated.indicator
        and overload_now.key = dated.key
        and overload_now.week_start = dated.status_week
),

described as (
    select
        left(md5(concat_ws('|', valued.level, valued.key, valued.indicator, cast(valued.opened_week as varchar))), 16) as alert_id,
        valued.family,
        valued.level,
        valued.key,
        valued.indicator,
        valued.breach_started_week,
        valued.opened_week,
        valued.last_week,
        valued.closed_week,
        case when valued.closed_week is null then 'open' else 'closed' end as status,
        cast((coalesce(valued.closed_week, valued.latest_week + 7) - valued.opened_week) / 7 as bigint) as weeks_open,
        valued.weeks_breached,
        valued.baseline_value,
        valued.threshold_value,
        valued.opened_value,
        valued.worst_value,
        valued.current_value,
        valued.baseline_value - valued.current_value as drop_value,
        valued.exposure_week,
        exposure.book_accounts as exposed_accounts,
        exposure.book_arr as exposed_arr,
        exposure.renewals_in_horizon,
        exposure.renewal_arr_in_horizon,
        exposure.arr_at_risk,
        drivers.likely_cause,
        drivers.book_growth_accounts,
        drivers_now.onboarding_weeks_left,
    from valued
    left join rollup as exposure
        on exposure.level = valued.level
        and exposure.key = valued.key
        and exposure.week_start = valued.exposure_week
    left join drivers
        on drivers.level = valued.level
        and drivers.key = valued.key
        and drivers.week_start = valued.opened_week
    left join drivers as drivers_now
        on drivers_now.level = valued.level
        and drivers_now.key = valued.key
        and drivers_now.week_start = valued.status_week
),

counted as (
    select
        described.*,
        -- One open alert per level and key carries the book's exposure, so sums over alerts count each book once.
        described.status = 'open'
            and row_number() over (
                partition by described.level, described.key, described.status = 'open'
                order by described.family, described.opened_week, described.indicator
            ) = 1 as exposure_counted,
    from described
)

select
    counted.* exclude (book_growth_accounts, onboarding_weeks_left),
    case when counted.exposure_counted then counted.exposed_accounts else 0 end as counted_exposed_accounts,
    case when counted.exposure_counted then counted.exposed_arr else 0 end as counted_exposed_arr,
    case when counted.exposure_counted then counted.renewals_in_horizon else 0 end as counted_renewals_in_horizon,
    case when counted.exposure_counted then counted.renewal_arr_in_horizon else 0 end as counted_renewal_arr_in_horizon,
    case when counted.exposure_counted then counted.arr_at_risk else 0 end as counted_arr_at_risk,
    case
        when counted.family = 'overload' and counted.indicator = 'utilization'
            then format('customer hours at {:.0f}% of customer-facing capacity: rebalance the book or add capacity', 100 * counted.worst_value)
        when counted.family = 'overload'
            then format('book at {:.0f}% of the high end of its range: move accounts to a CSM with room', 100 * counted.worst_value)
        when counted.likely_cause like '%book grew%'
            then format('book grew by {:d} accounts: rebalance', cast(round(counted.book_growth_accounts) as bigint))
        when counted.likely_cause like '%onboarding wave%' and counted.onboarding_weeks_left is not null
            then format('onboarding wave: temporary, ends in {:d} weeks', counted.onboarding_weeks_left)
        when counted.likely_cause like '%onboarding wave%'
            then 'onboarding wave: temporary, ended'
        when counted.likely_cause like '%escalations up%'
            then 'escalations up: review the escalated accounts with support'
        when counted.likely_cause = 'time off in window'
            then 'time off: no action'
        else 'no cause in the data: ask the CSM in the next 1:1'
    end as next_step,
from counted
-- Stored in the order of its key: the dashboard's measures sum its rows as stored, and sums of doubles in another
-- order can differ in the last digit, so the same inputs would not give the same pages
order by counted.alert_id
