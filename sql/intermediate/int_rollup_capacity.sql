-- Capacity per week rolled up to CSM, team and company (capacity has no segment).
with csm_weeks as (
    select * from int_csm_weeks
),

rolled_up as (
    select
        week_start,
        rollup_level(grouping(csm_id), grouping(team), 1) as level,
        rollup_key(grouping(csm_id), grouping(team), 1, csm_id, team, null) as key,
        count(*) as csms,
        sum(nominal_hours) as nominal_hours,
        sum(time_off_hours) as time_off_hours,
        sum(available_hours) as available_hours,
    from csm_weeks
    group by grouping sets ((week_start, csm_id), (week_start, team), (week_start))
)

select * from rolled_up
