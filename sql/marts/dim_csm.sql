-- CSMs with their book at the as-of date.
with roster as (
    select * from int_csm_roster
),

context as (
    select * from run_context
),

current_books as (
    select
        account_weeks.csm_id,
        count(*) as book_accounts,
        sum(account_weeks.arr) as book_arr,
    from int_account_weeks as account_weeks
    cross join context
    where account_weeks.ref_date = context.as_of
        and account_weeks.csm_id is not null
    group by all
)

select
    roster.csm_id,
    roster.csm_name,
    roster.email,
    roster.team,
    roster.manager_id,
    roster.role,
    roster.fte,
    roster.weekly_hours,
    roster.start_date,
    roster.end_date,
    roster.on_roster,
    coalesce(current_books.book_accounts, 0) as book_accounts,
    coalesce(current_books.book_arr, 0) as book_arr,
from roster
left join current_books using (csm_id)
