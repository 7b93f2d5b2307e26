-- The CS roster: trimmed ids, contract defaults applied, weekly hours from the model file when absent.
with source as (
    select * from raw_csms
),

workload as (
    select * from model_workload
),

renamed as (
    select
        trim(source.csm_id) as csm_id,
        source.name as csm_name,
        source.email,
        coalesce(nullif(trim(source.team), ''), 'unassigned') as team,
        nullif(trim(source.manager_id), '') as manager_id,
        coalesce(lower(source.role), 'dedicated') as role,
        coalesce(source.fte, 1.0) as fte,
        coalesce(source.weekly_hours, workload.weekly_hours) as weekly_hours,
        source.start_date,
        source.end_date,
    from source
    cross join workload
)

select * from renamed
