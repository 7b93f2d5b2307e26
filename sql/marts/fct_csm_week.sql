-- The CSM-week fact: capacity, time by class, book and leading indicators of each CSM in each week.
with rollup as (
    select * from fct_indicator_rollup
),

roster as (
    select * from int_csm_roster
),

csm_weeks as (
    select
        rollup.key as csm_id,
        roster.team,
        rollup.* exclude (level, key),
    from rollup
    left join roster
        on roster.csm_id = rollup.key
    where rollup.level = 'csm'
)

-- Stored in the order of its key: the dashboard's measures sum its rows as stored, and sums of doubles in another
-- order can differ in the last digit, so the same inputs would not give the same pages
select * from csm_weeks
order by csm_id, week_start
