-- Time to first response of tickets created in the trailing 4 weeks (this week and the 3 before), by level.
-- A partial build (onward) computes only the weeks from the first one it rebuilds, reading tickets from 3 weeks before.
with scope as (
    select min(partition_value) as from_week from transform_partitions
),

weeks as (
    select calendar.*
    from int_calendar_weeks as calendar
    cross join scope
    where coalesce(calendar.week_start >= scope.from_week, true)
),

tickets as (
    select timed.*
    from int_tickets_timed as timed
    cross join scope
    where coalesce(timed.week_start >= scope.from_week - 21, true)
),

roster as (
    select * from int_csm_roster
),

trailing_tickets as (
    select
        weeks.week_start,
        tickets.csm_id,
        coalesce(roster.team, 'unassigned') as team,
        tickets.segment,
        tickets.first_response_hours,
    from weeks
    inner join tickets
        on tickets.week_start between weeks.week_start - 21 and weeks.week_start
    left join roster
        on roster.csm_id = tickets.csm_id
    where tickets.first_response_hours is not null
),

rolled_up as (
    select
        week_start,
        rollup_level(grouping(csm_id), grouping(team), grouping(segment)) as level,
        rollup_key(grouping(csm_id), grouping(team), grouping(segment), csm_id, team, segment) as key,
        count(*) as tickets_responded_4w,
        quantile_cont(first_response_hours, 0.5) as ttfr_median_hours,
        quantile_cont(first_response_hours, 0.9) as ttfr_p90_hours,
    from trailing_tickets
    group by grouping sets ((week_start, csm_id), (week_start, team), (week_start, segment), (week_start))
)

select * from rolled_up
where key is not null
