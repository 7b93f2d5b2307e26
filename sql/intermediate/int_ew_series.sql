-- The weekly series of every watched indicator at every level. A week in which the key's time off is at least
-- time_off_exclude_share of nominal hours carries no value: a week off is not a decline of proactive work.
with rollup as (
    select * from fct_indicator_rollup
),

params as (
    select * from model_early_warning
),

rules as (
    select * from int_ew_rules where indicator_known
),

weeks as (
    select * from int_calendar_weeks
),

measured_weeks as (
    select rollup.*
    from rollup
    cross join params
    where coalesce(rollup.time_off_share, 0) < params.time_off_exclude_share
),

indicator_values as (
    -- only the watched indicators go on to the join: a row per rollup column is ten times as many (at L 0.04 of 0.05 s)
    select *
    from (
        unpivot measured_weeks
        on columns(* exclude (level, key, week_start))
        into name indicator value indicator_value
    )
    where indicator in (select indicator from rules)
),

spine as (
    select
        rollup.level,
        rollup.key,
        rollup.week_start,
        weeks.week_no,
        rules.indicator,
    from rollup
    cross join rules
    inner join weeks using (week_start)
)

select
    spine.*,
    cast(indicator_values.indicator_value as double) as indicator_value,
from spine
left join indicator_values using (level, key, week_start, indicator)
