-- Each account in each week it is a customer, as of the week's ref_date: owner, ARR and segment then, proactive
-- touches, coverage, gone dark, QBR cadence, health and usage drift, renewals ahead and the at-risk flag.
-- A partial build (incremental: onward) computes only the weeks from the earliest one it rebuilds: the windows read
-- the 8 weeks before those, and what carries forward from earlier weeks (last touches, the last health score) comes
-- from the seeds below. A full build reads every week and has no seeds.
with scope as (
    select
        min(partition_value) as from_week,
        min(partition_value) - 56 as read_from,
    from transform_partitions
),

accounts as (
    select * from stg_accounts
),

calendar as (
    select * from int_calendar_weeks
),

weeks as (
    select calendar.*
    from calendar
    cross join scope
    where coalesce(calendar.week_start >= scope.read_from, true)
),

context as (
    select * from run_context
),

workload as (
    select * from model_workload
),

segments as (
    select * from model_segment
),

account_calendar as (
    -- the full account x week grid, so cumulative and lagged windows count weeks, not rows
    select
        accounts.account_id,
        accounts.contract_start,
        accounts.churned_on,
        weeks.week_start,
        weeks.ref_date,
    from accounts
    cross join weeks
),

activity_weeks as (
    select
        account_id,
        week_start,
        count(*) filter (where activity_class = 'proactive') as proactive_touches,
        max(activity_date) filter (where activity_class = 'proactive') as last_proactive_in_week,
        max(activity_date) filter (where activity_class <> 'internal') as last_contact_in_week,
        max(activity_date) filter (where activity_type in ('qbr', 'ebr')) as last_qbr_in_week,
        count(*) filter (where activity_type = 'expansion_meeting') as expansion_meetings,
        count(*) filter (where activity_type = 'escalation') as escalation_activities,
    from fct_activity
    cross join scope
    where account_id is not null
        and coalesce(week_start >= scope.read_from, true)
    group by all
),

ticket_weeks as (
    select
        account_id,
        week_start,
        count(*) as tickets_created,
        count(*) filter (where escalated) as escalated_tickets,
    from int_tickets_timed
    cross join scope
    where coalesce(week_start >= scope.read_from, true)
    group by all
),

expansion_weeks as (
    select
        opportunities.account_id,
        cast(date_trunc('week', opportunities.created_on) as date) as week_start,
        count(*) as expansion_opps_opened,
    from stg_opportunities as opportunities
    cross join context
    cross join scope
    where opportunities.opportunity_type = 'expansion'
        and opportunities.created_on <= context.as_of
        and coalesce(opportunities.created_on >= scope.read_from, true)
    group by all
),

health_weeks as (
    select
        scores.account_id,
        cast(date_trunc('week', scores.score_date) as date) as week_start,
        arg_max(scores.score, scores.score_date) as week_score,
    from stg_health_scores as scores
    cross join context
    cross join scope
    where scores.score_date <= context.as_of
        and coalesce(scores.score_date >= scope.read_from, true)
    group by all
),

usage_weeks as (
    select
        usage.account_id,
        cast(date_trunc('week', usage.usage_date) as date) as week_start,
        sum(usage.active_users) as user_days,
        count(*) as usage_days,
    from stg_usage_daily as usage
    cross join context
    cross join scope
    where usage.usage_date <= context.as_of
        and coalesce(usage.usage_date >= scope.read_from, true)
    group by all
),

carried_in as (
    -- what the weeks before read_from carry forward: last touches, and the last health score of a calendar week
    select
        accounts.account_id,
        activity_seeds.last_proactive,
        activity_seeds.last_contact,
        activity_seeds.last_qbr,
        health_seeds.score as last_score,
    from accounts
    left join (
        select
            account_id,
            max(activity_date) filter (where activity_class = 'proactive') as last_proactive,
            max(activity_date) filter (where activity_class <> 'internal') as last_contact,
            max(activity_date) filter (where activity_type in ('qbr', 'ebr')) as last_qbr,
        from fct_activity
        cross join scope
        where account_id is not null
            and week_start < scope.read_from
        group by all
    ) as activity_seeds using (account_id)
    left join (
        select
            scores.account_id,
            arg_max(scores.score, scores.score_date) as score,
        from stg_health_scores as scores
        cross join scope
        where scores.score_date < scope.read_from
            and scores.score_date >= (select min(week_start) from calendar)
        group by all
    ) as health_seeds using (account_id)
),

weekly_facts as (
    select
        account_calendar.*,
        coalesce(activity_weeks.proactive_touches, 0) as proactive_touches,
        activity_weeks.last_proactive_in_week,
        activity_weeks.last_contact_in_week,
        activity_weeks.last_qbr_in_week,
        coalesce(activity_weeks.expansion_meetings, 0) as expansion_meetings,
        coalesce(activity_weeks.escalation_activities, 0) + coalesce(ticket_weeks.escalated_tickets, 0) as escalations,
        coalesce(ticket_weeks.tickets_created, 0) as tickets_created,
        coalesce(expansion_weeks.expansion_opps_opened, 0) as expansion_opps_opened,
        health_weeks.week_score,
        coalesce(usage_weeks.user_days, 0) as user_days,
        coalesce(usage_weeks.usage_days, 0) as usage_days,
    from account_calendar
    left join activity_weeks using (account_id, week_start)
    left join ticket_weeks using (account_id, week_start)
    left join expansion_weeks using (account_id, week_start)
    left join health_weeks using (account_id, week_start)
    left join usage_weeks using (account_id, week_start)
),

seeded as (
    select
        weekly_facts.*,
        carried_in.* exclude (account_id),
    from weekly_facts
    left join carried_in using (account_id)
),

carried_forward as (
    select
        seeded.* exclude (last_proactive, last_contact, last_qbr, last_score),
        greatest(max(last_proactive_in_week) over to_date, last_proactive) as last_proactive_date,
        greatest(max(last_contact_in_week) over to_date, last_contact) as last_contact_date,
        greatest(max(last_qbr_in_week) over to_date, last_qbr) as last_qbr_date,
        coalesce(last_value(week_score ignore nulls) over to_date, last_score) as health_score,
        sum(user_days) over (partition by account_id order by week_start rows between 3 preceding and current row)
            / nullif(sum(usage_days) over (partition by account_id order by week_start rows between 3 preceding and current row), 0)
            as active_users_4w,
        sum(user_days) over (partition by account_id order by week_start rows between 7 preceding and 4 preceding)
            / nullif(sum(usage_days) over (partition by account_id order by week_start rows between 7 preceding and 4 preceding), 0)
            as active_users_prior_4w,
    from seeded
    window to_date as (partition by account_id order by week_start rows between unbounded preceding and current row)
),

with_drift as (
    select
        carried_forward.*,
        health_score - lag(health_score, 4) over (partition by account_id order by week_start) as health_change_28d,
        active_users_4w / nullif(active_users_prior_4w, 0) - 1 as usage_change_4w,
    from carried_forward
),

in_book as (
    select
        with_drift.*,
        ownership.csm_id,
        coalesce(roster.team, 'unassigned') as team,
        ownership.arr,
        ownership.segment,
        owner_weeks.time_off_hours / nullif(owner_weeks.nominal_hours, 0) as owner_time_off_share,
    from with_drift
    inner join int_account_ownership as ownership
        on ownership.account_id = with_drift.account_id
        and with_drift.ref_date >= ownership.valid_from
        and with_drift.ref_date < ownership.valid_until
    left join int_csm_roster as roster
        on roster.csm_id = ownership.csm_id
    left join int_csm_weeks as owner_weeks
        on owner_weeks.csm_id = ownership.csm_id
        and owner_weeks.week_start = with_drift.week_start
    where (with_drift.contract_start is null or with_drift.contract_start <= with_drift.ref_date)
        and (with_drift.churned_on is null or with_drift.churned_on > with_drift.ref_date)
),

next_renewals as (
    select
        in_book.account_id,
        in_book.week_start,
        min(renewals.renewal_date) as next_renewal_date,
    from in_book
    cross join workload
    inner join int_account_renewals as renewals
        on renewals.account_id = in_book.account_id
        and renewals.renewal_date > in_book.ref_date
        and renewals.renewal_date <= in_book.ref_date + workload.renewal_horizon_days
    group by all
),

measured as (
    select
        in_book.* exclude (last_proactive_in_week, last_contact_in_week, last_qbr_in_week, week_score, user_days, usage_days),
        in_book.ref_date - in_book.last_proactive_date as days_since_proactive_touch,
        in_book.ref_date - in_book.last_contact_date as days_since_contact,
        in_book.ref_date - in_book.last_qbr_date as days_since_qbr,
        in_book.ref_date - greatest(coalesce(in_book.contract_start, context.data_start), context.data_start) as observed_days,
        cast(round(segments.qbr_every_months * 365.25 / 12) as integer) as qbr_cadence_days,
        next_renewals.next_renewal_date,
        cast(date_trunc('month', next_renewals.next_renewal_date) as date) as next_renewal_month,
        workload.gone_dark_days,
        workload.no_contact_days,
        workload.onboarding_window_days,
        workload.at_risk_health_score,
    from in_book
    cross join context
    cross join workload
    left join segments
        on segments.name = in_book.segment
    left join next_renewals using (account_id, week_start)
),

flagged as (
    select
        measured.* exclude (gone_dark_days, no_contact_days, onboarding_window_days, at_risk_health_score),
        coalesce(days_since_proactive_touch < 30, false) as covered_30d,
        coalesce(days_since_proactive_touch < 60, false) as covered_60d,
        coalesce(days_since_proactive_touch < 90, false) as covered_90d,
        coalesce(days_since_proactive_touch, observed_days) >= gone_dark_days as gone_dark,
        coalesce(days_since_contact, observed_days) >= no_contact_days as no_contact,
        coalesce(contract_start <= ref_date and ref_date < contract_start + onboarding_window_days, false) as onboarding,
        next_renewal_date is not null as renewal_in_horizon,
        coalesce(qbr_cadence_days <= observed_days, false) as qbr_due,
        coalesce(qbr_cadence_days <= observed_days and days_since_qbr < qbr_cadence_days, false) as qbr_held,
        coalesce(days_since_proactive_touch, observed_days) >= gone_dark_days
            or coalesce(health_score < at_risk_health_score, false)
            or (next_renewal_date is not null and coalesce(days_since_proactive_touch, observed_days) >= no_contact_days)
            as at_risk,
    from measured
)

select flagged.*
from flagged
cross join scope
where coalesce(flagged.week_start >= scope.from_week, true)
