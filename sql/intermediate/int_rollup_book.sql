-- The book per week (owner at ref_date) rolled up to CSM, team, segment and company: size, ARR, coverage,
-- gone dark, QBRs, no-contact drift, renewals, onboarding, expansion, escalations, at risk.
with account_weeks as (
    -- a partial build reads only the weeks it rebuilds (transform_partitions; empty in a full build: every week)
    select * from int_account_weeks
    where week_start in (select partition_value from transform_partitions)
        or not exists (select 1 from transform_partitions)
),

rolled_up as (
    select
        week_start,
        rollup_level(grouping(csm_id), grouping(team), grouping(segment)) as level,
        rollup_key(grouping(csm_id), grouping(team), grouping(segment), csm_id, team, segment) as key,
        count(*) as book_accounts,
        sum(arr) as book_arr,
        -- Exact (sql/macros): a parallel sum of doubles differs in the last bit from run to run (same inputs, same bytes).
        exact_avg(owner_time_off_share) as owner_time_off_share,
        count(*) filter (where onboarding) as onboarding_accounts,
        count(*) filter (where renewal_in_horizon) as renewals_in_horizon,
        coalesce(sum(arr) filter (where renewal_in_horizon), 0) as renewal_arr_in_horizon,
        count(*) filter (where at_risk) as accounts_at_risk,
        coalesce(sum(arr) filter (where at_risk), 0) as arr_at_risk,
        cast(sum(proactive_touches) as bigint) as proactive_touches,
        count(*) filter (where covered_30d) as accounts_covered_30d,
        count(*) filter (where covered_60d) as accounts_covered_60d,
        count(*) filter (where covered_90d) as accounts_covered_90d,
        coalesce(sum(arr) filter (where covered_30d), 0) as arr_covered_30d,
        coalesce(sum(arr) filter (where covered_60d), 0) as arr_covered_60d,
        coalesce(sum(arr) filter (where covered_90d), 0) as arr_covered_90d,
        count(*) filter (where gone_dark) as accounts_gone_dark,
        count(*) filter (where qbr_due) as qbrs_due,
        count(*) filter (where qbr_held) as qbrs_held,
        count(*) filter (where no_contact) as no_contact_accounts,
        exact_avg(case when no_contact then health_change_28d end) as no_contact_health_drift,
        exact_avg(case when no_contact then usage_change_4w end) as no_contact_usage_drift,
        count(*) filter (where no_contact and (health_change_28d < 0 or usage_change_4w < 0)) as no_contact_declining_accounts,
        cast(sum(tickets_created) as bigint) as tickets_created,
        cast(sum(escalations) as bigint) as escalations,
        cast(sum(expansion_opps_opened) as bigint) as expansion_opps_opened,
        cast(sum(expansion_meetings) as bigint) as expansion_meetings,
    from account_weeks
    group by grouping sets ((week_start, csm_id), (week_start, team), (week_start, segment), (week_start))
),

renewal_months as (
    select
        week_start,
        rollup_level(grouping(csm_id), grouping(team), grouping(segment)) as level,
        rollup_key(grouping(csm_id), grouping(team), grouping(segment), csm_id, team, segment) as key,
        count(*) as renewals_in_month,
    from account_weeks
    where next_renewal_month is not null
    group by grouping sets (
        (week_start, next_renewal_month, csm_id),
        (week_start, next_renewal_month, team),
        (week_start, next_renewal_month, segment),
        (week_start, next_renewal_month)
    )
),

renewal_bunching as (
    select
        level,
        key,
        week_start,
        max(renewals_in_month) as renewal_bunching,
    from renewal_months
    where key is not null
    group by all
)

select
    rolled_up.*,
    coalesce(renewal_bunching.renewal_bunching, 0) as renewal_bunching,
from rolled_up
left join renewal_bunching using (level, key, week_start)
where rolled_up.key is not null
