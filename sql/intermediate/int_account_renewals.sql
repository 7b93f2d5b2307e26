-- Every known renewal date of an account: its current renewal_date and the close dates of its renewal opportunities.
with accounts as (
    select * from stg_accounts
),

opportunities as (
    select * from stg_opportunities
),

renewal_dates as (
    select account_id, renewal_date from accounts where renewal_date is not null
    union
    select account_id, close_on as renewal_date
    from opportunities
    where opportunity_type = 'renewal' and close_on is not null
)

select * from renewal_dates
