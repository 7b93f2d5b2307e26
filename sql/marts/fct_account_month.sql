-- Observed customer hours and time-equation drivers per account-month (docs/time-equation.md).
with accounts as (
    select * from stg_accounts
),

context as (
    select * from run_context
),

workload as (
    select * from model_workload
),

first_activities as (
    select
        account_id,
        min(activity_date) as first_activity_date,
    from fct_activity
    where account_id is not null
    group by all
),

account_spans as (
    -- from the month of contract_start (or the first activity) to the month before churned_on, at most the as-of month;
    -- never before the month the activity data starts: earlier months were not observed, they are not zero-hour months
    select
        accounts.*,
        cast(date_trunc('month', greatest(
            coalesce(accounts.contract_start, first_activities.first_activity_date),
            context.data_start
        )) as date) as first_month,
        least(
            cast(date_trunc('month', context.as_of) as date),
            coalesce(cast(date_trunc('month', accounts.churned_on) - interval 1 month as date), context.as_of)
        ) as last_month,
    from accounts
    cross join context
    left join first_activities using (account_id)
),

account_months as (
    select * from (
        select
            account_spans.account_id,
            cast(unnest(generate_series(account_spans.first_month, account_spans.last_month, interval 1 month)) as date) as month_start,
        from account_spans
        where account_spans.first_month <= account_spans.last_month
    )
    -- a partial build (onward) computes only the months from the first one it rebuilds (transform_partitions;
    -- empty in a full build: every month)
    where coalesce(month_start >= (select min(partition_value) from transform_partitions), true)
),

month_bounds as (
    select
        account_months.*,
        cast(account_months.month_start + interval 1 month as date) - 1 as month_end,
        least(cast(account_months.month_start + interval 1 month as date) - 1, context.as_of) as ref_date,
    from account_months
    cross join context
),

activity_hours as (
    select
        account_id,
        month_start,
        count(*) filter (where activity_class <> 'internal') as activities,
        coalesce(sum(hours) filter (where activity_class = 'proactive'), 0) as proactive_hours,
        coalesce(sum(hours) filter (where activity_class = 'reactive'), 0) as reactive_activity_hours,
        coalesce(sum(hours) filter (where activity_class = 'unmapped'), 0) as unmapped_hours,
    from fct_activity
    where account_id is not null
        and coalesce(month_start >= (select min(partition_value) from transform_partitions), true)
    group by all
),

ticket_time as (
    select
        account_id,
        month_start,
        count(*) as tickets,
        sum(ticket_minutes) as ticket_minutes,
    from int_tickets_timed
    where coalesce(month_start >= (select min(partition_value) from transform_partitions), true)
    group by all
),

expansion_months as (
    select distinct
        month_bounds.account_id,
        month_bounds.month_start,
    from month_bounds
    inner join stg_opportunities as opportunities
        on opportunities.account_id = month_bounds.account_id
        and opportunities.opportunity_type = 'expansion'
        and opportunities.created_on <= month_bounds.month_end
        and (opportunities.close_on is null or opportunities.close_on >= month_bounds.month_start)
),

assembled as (
    select
        month_bounds.account_id,
        month_bounds.month_start,
        ownership.csm_id,
        ownership.segment,
        ownership.arr,
        coalesce(activity_hours.activities, 0) as activities,
        coalesce(activity_hours.proactive_hours, 0) as proactive_hours,
        coalesce(activity_hours.reactive_activity_hours, 0) + coalesce(ticket_time.ticket_minutes, 0) / 60.0 as reactive_hours,
        coalesce(activity_hours.unmapped_hours, 0) as unmapped_hours,
        coalesce(ticket_time.tickets, 0) as tickets,
        coalesce(ticket_time.ticket_minutes, 0) as ticket_minutes,
        coalesce(ticket_time.ticket_minutes, 0) / 60.0 as ticket_hours,
        coalesce(
            accounts.contract_start <= month_bounds.month_end
                and accounts.contract_start + workload.onboarding_window_days > month_bounds.month_start,
            false
        ) as onboarding,
        expansion_months.account_id is not null as expansion_active,
        accounts.product_complexity,
        accounts.stakeholders,
        least(coalesce(accounts.stakeholders, 3), 12) as stakeholders_for_model,
    from month_bounds
    cross join workload
    inner join accounts using (account_id)
    left join int_account_ownership as ownership
        on ownership.account_id = month_bounds.account_id
        and month_bounds.ref_date >= ownership.valid_from
        and month_bounds.ref_date < ownership.valid_until
    left join activity_hours using (account_id, month_start)
    left join ticket_time using (account_id, month_start)
    left join expansion_months using (account_id, month_start)
)

select
    assembled.*,
    proactive_hours + reactive_hours + unmapped_hours as customer_hours,
from assembled
