-- Every activity up to the as-of date with its class, segment and measured minutes: duration when logged, else the
-- catalog's standard minutes for its type and the account's segment at that date; plus the type's prep minutes. The
-- time belongs to the account's owner at that date (ownership intervals); internal work and unowned accounts stay with
-- the CSM who logged it. The rollups read this table: it is the one copy of the timed activities.
with activities as (
    select * from stg_activities
),

context as (
    select * from run_context
),

ownership as (
    select * from int_account_ownership
),

catalog as (
    select * from model_activity_type
),

catalog_any_segment as (
    -- activities without an account (internal work) have no segment: use the type's mean over segments
    select
        type,
        avg(standard_minutes) as standard_minutes,
        avg(prep_minutes) as prep_minutes,
    from catalog
    group by type
),

in_scope as (
    select activities.*
    from activities
    cross join context
    where activities.activity_date <= context.as_of
),

owned as (
    select
        in_scope.*,
        ownership.csm_id as owner_csm_id,
        ownership.segment,
    from in_scope
    left join ownership
        on ownership.account_id = in_scope.account_id
        and in_scope.activity_date >= ownership.valid_from
        and in_scope.activity_date < ownership.valid_until
),

timed as (
    select
        owned.activity_id,
        owned.account_id,
        coalesce(owned.owner_csm_id, owned.csm_id) as csm_id,
        owned.csm_id as logged_by_csm_id,
        owned.activity_date,
        cast(date_trunc('week', owned.activity_date) as date) as week_start,
        cast(date_trunc('month', owned.activity_date) as date) as month_start,
        owned.vendor_type,
        owned.activity_type,
        owned.activity_class,
        owned.direction,
        owned.segment,
        owned.duration_minutes,
        coalesce(by_segment.standard_minutes, any_segment.standard_minutes) as standard_minutes,
        coalesce(by_segment.prep_minutes, any_segment.prep_minutes, 0) as prep_minutes,
    from owned
    left join catalog as by_segment
        on by_segment.type = owned.activity_type
        and by_segment.segment = owned.segment
    left join catalog_any_segment as any_segment
        on any_segment.type = owned.activity_type
),

measured as (
    select
        timed.*,
        coalesce(timed.duration_minutes, timed.standard_minutes, 0) + timed.prep_minutes as minutes,
        (coalesce(timed.duration_minutes, timed.standard_minutes, 0) + timed.prep_minutes) / 60.0 as hours,
    from timed
)

select * from measured
