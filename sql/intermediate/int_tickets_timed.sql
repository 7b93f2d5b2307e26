-- Tickets created on or before the as-of date, with the account's owner, segment and ARR at the created date.
with tickets as (
    select * from stg_tickets
),

context as (
    select * from run_context
),

ownership as (
    select * from int_account_ownership
),

owned as (
    select
        tickets.ticket_id,
        tickets.account_id,
        ownership.csm_id,
        ownership.segment,
        tickets.created_date,
        cast(date_trunc('week', tickets.created_date) as date) as week_start,
        cast(date_trunc('month', tickets.created_date) as date) as month_start,
        tickets.escalated,
        tickets.priority,
        tickets.ticket_minutes,
        tickets.ticket_minutes / 60.0 as ticket_hours,
        tickets.first_response_hours,
    from tickets
    cross join context
    left join ownership
        on ownership.account_id = tickets.account_id
        and tickets.created_date >= ownership.valid_from
        and tickets.created_date < ownership.valid_until
    where tickets.created_date <= context.as_of
)

select * from owned
