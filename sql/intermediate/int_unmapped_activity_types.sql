-- Vendor activity types that map to no canonical type: counted so the run summary can print them.
with activities as (
    select * from stg_activities
),

unmapped as (
    select
        activities.vendor_type,
        count(*) as activities,
        min(activities.activity_date) as first_seen,
        max(activities.activity_date) as last_seen,
    from activities
    where activities.activity_type is null
    group by activities.vendor_type
)

select * from unmapped
