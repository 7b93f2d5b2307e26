-- Capacity per week rolled up to CSM, team and company (capacity has no segment).
with csm_weeks as (
    select * from int_csm_weeks
),

rolled_up as (
    select
        week_start,
        case
            when grouping(csm_id) = 0 then 'csm'
            when grouping(team) = 0 then 'team'
            else 'company'
        end as level,
        case
            when grouping(csm_id) = 0 then csm_id
            when grouping(team) = 0 then team
            else 'all'
        end as key,
        count(*) as csms,
        sum(nominal_hours) as nominal_hours,
        sum(time_off_hours) as time_off_hours,
        sum(available_hours) as available_hours,
    from csm_weeks
    group by grouping sets ((week_start, csm_id), (week_start, team), (week_start))
)

select * from rolled_up
