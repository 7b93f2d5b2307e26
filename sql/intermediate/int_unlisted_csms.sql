-- CSM ids the data mentions that the csms extract does not list: a data problem the run reports (their hours count,
-- no capacity is assumed for them).
with roster as (
    select * from int_csm_roster
),

activities as (
    select csm_id, count(*) as activities,
    from stg_activities
    group by all
),

owned as (
    select csm_id, count(distinct account_id) as accounts_owned,
    from int_account_ownership
    where csm_id is not null
    group by all
),

unlisted as (
    select
        roster.csm_id,
        coalesce(activities.activities, 0) as activities,
        coalesce(owned.accounts_owned, 0) as accounts_owned,
    from roster
    left join activities using (csm_id)
    left join owned using (csm_id)
    where not roster.on_roster
)

select * from unlisted
