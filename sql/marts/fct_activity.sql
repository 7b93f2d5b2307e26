-- Every activity with its class, segment, measured minutes and the CSM the time belongs to.
with activities as (
    select * from int_activities_timed
)

select
    activity_id,
    account_id,
    csm_id,
    logged_by_csm_id,
    activity_date,
    week_start,
    month_start,
    vendor_type,
    activity_type,
    activity_class,
    direction,
    segment,
    duration_minutes,
    standard_minutes,
    prep_minutes,
    minutes,
    hours,
from activities
