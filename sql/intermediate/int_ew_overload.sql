-- The overload family, per CSM and week, independent of the CSM's own history. Two indicators: utilization (customer
-- hours / customer-facing hours; empty in weeks mostly off) and book_vs_range (the book against the high end of the
-- accounts-per-CSM range of its segments: sum over the book's accounts of 1 / accounts_high; accounts of segments
-- without a range, the digital lane, count 0). A week is over when the value exceeds its threshold; the rule holds in
-- a week when at least overload_min_weeks of the last overload_weeks are over. An episode opens in the first week the
-- rule holds and closes in the recovery_weeks-th consecutive week it does not (a shorter gap does not split it).
with rollup as (
    select * from fct_indicator_rollup where level = 'csm'
),

params as (
    select * from model_early_warning
),

ranges as (
    select * from model_book_range
),

weeks as (
    select * from int_calendar_weeks
),

book_use as (
    select
        account_weeks.csm_id as key,
        account_weeks.week_start,
        -- Exact sums and means (sql/macros/rollup.sql): a parallel sum of doubles differs in the last bit from run to run.
        coalesce(exact_sum(1 / ranges.accounts_high), 0) as book_vs_range,
    from int_account_weeks as account_weeks
    left join ranges
        on ranges.segment = account_weeks.segment
    where account_weeks.csm_id is not null
    group by all
),

values_by_week as (
    select
        rollup.key,
        rollup.week_start,
        weeks.week_no,
        'utilization' as indicator,
        case when coalesce(rollup.time_off_share, 0) < params.time_off_exclude_share then rollup.utilization end as week_value,
        params.overload_utilization_above as threshold_value,
    from rollup
    cross join params
    inner join weeks using (week_start)

    union all

    select
        rollup.key,
        rollup.week_start,
        weeks.week_no,
        'book_vs_range' as indicator,
        coalesce(book_use.book_vs_range, 0) as week_value,
        1 + params.overload_book_above_range as threshold_value,
    from rollup
    cross join params
    inner join weeks using (week_start)
    left join book_use using (key, week_start)
),

windows as (
    select
        values_by_week.indicator,
        values_by_week.key,
        values_by_week.week_start,
        values_by_week.week_no,
        values_by_week.week_value,
        values_by_week.threshold_value,
        coalesce(values_by_week.week_value > values_by_week.threshold_value, false) as over,
        exact_avg(history.week_value) as current_value,
        count(*) filter (where history.week_value > history.threshold_value) as over_weeks,
        min(history.week_start) filter (where history.week_value > history.threshold_value) as first_over_week,
    from values_by_week
    cross join params
    inner join values_by_week as history
        on history.indicator = values_by_week.indicator
        and history.key = values_by_week.key
        and history.week_no > values_by_week.week_no - params.overload_weeks
        and history.week_no <= values_by_week.week_no
    group by all
),

held as (
    select
        windows.*,
        windows.over_weeks >= params.overload_min_weeks as holds,
    from windows
    cross join params
),

holding as (
    select
        indicator,
        key,
        week_no,
        first_over_week,
        week_no - lag(week_no) over (partition by indicator, key order by week_no) - 1 as weeks_since_held,
    from held
    where holds
),

episode_starts as (
    select
        holding.*,
        sum(case when holding.weeks_since_held is null or holding.weeks_since_held >= params.recovery_weeks then 1 else 0 end)
            over (partition by holding.indicator, holding.key order by holding.week_no) as episode_no,
    from holding
    cross join params
),

episodes as (
    select
        indicator,
        key,
        episode_no,
        min(week_no) as first_held_no,
        max(week_no) as last_held_no,
        arg_min(first_over_week, week_no) as episode_started_week,
    from episode_starts
    group by all
)

select
    held.indicator,
    held.key,
    held.week_start,
    held.week_no,
    held.week_value,
    held.threshold_value,
    held.over,
    held.current_value,
    held.over_weeks,
    held.holds,
    episodes.episode_no,
    episodes.episode_started_week,
    case
        when episodes.episode_no is null then 'idle'
        when held.week_no = episodes.last_held_no + params.recovery_weeks then 'closed'
        else 'open'
    end as phase,
from held
cross join params
left join episodes
    on episodes.indicator = held.indicator
    and episodes.key = held.key
    and held.week_no between episodes.first_held_no and episodes.last_held_no + params.recovery_weeks
