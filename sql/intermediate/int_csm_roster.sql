-- Every CSM id the data mentions: the roster, plus ids seen only on activities or as account owners (team
-- 'unassigned'), so no hour or account is lost for an id missing from the roster. Such an id gets no capacity
-- (fte 0): the data never said it works here, and inventing a 40-hour week would raise its team's capacity.
-- int_unlisted_csms lists them for the run report.
with roster as (
    select * from stg_csms
),

workload as (
    select * from model_workload
),

activity_csms as (
    select distinct csm_id from stg_activities
),

owner_csms as (
    select distinct csm_id from int_account_ownership where csm_id is not null
),

unlisted as (
    select csm_id from activity_csms
    union
    select csm_id from owner_csms
    except
    select csm_id from roster
),

combined as (
    select
        roster.*,
        true as on_roster,
    from roster
    union all by name
    select
        unlisted.csm_id,
        unlisted.csm_id as csm_name,
        'unassigned' as team,
        'dedicated' as role,
        0.0 as fte,
        workload.weekly_hours,
        false as on_roster,
    from unlisted
    cross join workload
)

select * from combined
