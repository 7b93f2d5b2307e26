-- CSM capacity per week employed: nominal hours (weekly_hours x fte), time off, available hours.
with roster as (
    select * from int_csm_roster
),

weeks as (
    select * from int_calendar_weeks
),

time_off as (
    select * from stg_time_off
),

employed_weeks as (
    select
        roster.csm_id,
        roster.team,
        weeks.week_start,
        roster.weekly_hours * roster.fte as nominal_hours,
    from roster
    cross join weeks
    where (roster.start_date is null or roster.start_date <= weeks.week_end)
        and (roster.end_date is null or roster.end_date >= weeks.week_start)
),

time_off_weeks as (
    select
        time_off.csm_id,
        cast(date_trunc('week', time_off.off_date) as date) as week_start,
        sum(time_off.off_hours) as time_off_hours,
    from time_off
    group by all
),

capacity as (
    select
        employed_weeks.csm_id,
        employed_weeks.team,
        employed_weeks.week_start,
        employed_weeks.nominal_hours,
        least(coalesce(time_off_weeks.time_off_hours, 0), employed_weeks.nominal_hours) as time_off_hours,
        employed_weeks.nominal_hours
            - least(coalesce(time_off_weeks.time_off_hours, 0), employed_weeks.nominal_hours) as available_hours,
    from employed_weeks
    left join time_off_weeks
        on time_off_weeks.csm_id = employed_weeks.csm_id
        and time_off_weeks.week_start = employed_weeks.week_start
)

select * from capacity
