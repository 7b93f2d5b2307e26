-- Accounts with their state at the as-of date (owner, ARR and segment from the ownership intervals).
with accounts as (
    select * from stg_accounts
),

context as (
    select * from run_context
),

segments as (
    select * from model_segment
),

current_ownership as (
    select ownership.*
    from int_account_ownership as ownership
    cross join context
    where context.as_of >= ownership.valid_from
        and context.as_of < ownership.valid_until
)

select
    accounts.account_id,
    accounts.account_name,
    current_ownership.csm_id,
    current_ownership.arr,
    current_ownership.segment,
    segments.lane,
    accounts.industry,
    accounts.employees,
    accounts.product_complexity,
    accounts.integrations,
    accounts.stakeholders,
    accounts.expansion_potential,
    accounts.contract_start,
    accounts.renewal_date,
    accounts.churned_on,
    (accounts.churned_on is null or accounts.churned_on > context.as_of)
        and (accounts.contract_start is null or accounts.contract_start <= context.as_of) as is_customer,
from accounts
cross join context
left join current_ownership using (account_id)
left join segments
    on segments.name = current_ownership.segment
