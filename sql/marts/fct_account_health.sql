-- Per customer at the as-of date: days since the last proactive touch, gone dark, no contact, health and usage trend.
with account_weeks as (
    select * from int_account_weeks
),

context as (
    select * from run_context
)

select
    account_weeks.account_id,
    context.as_of,
    account_weeks.csm_id,
    account_weeks.team,
    account_weeks.segment,
    account_weeks.arr,
    account_weeks.last_proactive_date,
    account_weeks.days_since_proactive_touch,
    account_weeks.last_contact_date,
    account_weeks.days_since_contact,
    account_weeks.last_qbr_date,
    account_weeks.gone_dark,
    account_weeks.no_contact,
    account_weeks.onboarding,
    account_weeks.qbr_due,
    account_weeks.qbr_held,
    account_weeks.health_score,
    account_weeks.health_change_28d,
    account_weeks.active_users_4w,
    account_weeks.usage_change_4w,
    account_weeks.no_contact and (account_weeks.health_change_28d < 0 or account_weeks.usage_change_4w < 0) as declining_without_contact,
    account_weeks.next_renewal_date,
    account_weeks.at_risk,
from account_weeks
cross join context
where account_weeks.ref_date = context.as_of
-- Stored in the order of its key: the dashboard's measures sum its rows as stored, and sums of doubles in another
-- order can differ in the last digit, so the same inputs would not give the same pages
order by account_weeks.account_id
