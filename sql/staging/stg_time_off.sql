-- Hours of PTO and holidays per CSM-day.
with source as (
    select * from raw_time_off
),

renamed as (
    select
        trim(source.csm_id) as csm_id,
        source.date as off_date,
        source.hours as off_hours,
    from source
)

select * from renamed
