-- Hours by class per week, rolled up to CSM, team, segment and company. Ticket time is reactive customer time.
-- A partial build reads only the weeks it rebuilds (transform_partitions; empty in a full build: every week).
with rebuilt as (
    select partition_value as week_start from transform_partitions
),

activities as (
    select * from fct_activity
    where week_start in (select week_start from rebuilt) or not exists (select 1 from rebuilt)
),

tickets as (
    select * from int_tickets_timed
    where week_start in (select week_start from rebuilt) or not exists (select 1 from rebuilt)
),

roster as (
    select * from int_csm_roster
),

work_items as (
    select week_start, csm_id, segment, activity_class as work_class, hours, 0.0 as ticket_hours
    from activities
    union all
    select week_start, csm_id, segment, 'reactive' as work_class, ticket_hours as hours, ticket_hours
    from tickets
),

with_team as (
    select
        work_items.*,
        coalesce(roster.team, 'unassigned') as team,
    from work_items
    left join roster
        on roster.csm_id = work_items.csm_id
),

rolled_up as (
    select
        week_start,
        rollup_level(grouping(csm_id), grouping(team), grouping(segment)) as level,
        rollup_key(grouping(csm_id), grouping(team), grouping(segment), csm_id, team, segment) as key,
        coalesce(sum(hours) filter (where work_class = 'proactive'), 0) as proactive_hours,
        coalesce(sum(hours) filter (where work_class = 'reactive'), 0) as reactive_hours,
        coalesce(sum(ticket_hours), 0) as ticket_hours,
        coalesce(sum(hours) filter (where work_class = 'unmapped'), 0) as unmapped_hours,
        coalesce(sum(hours) filter (where work_class = 'internal'), 0) as internal_hours,
    from with_team
    group by grouping sets ((week_start, csm_id), (week_start, team), (week_start, segment), (week_start))
)

select * from rolled_up
where key is not null
