-- The early-warning rules of the model file, checked against the indicator columns they may name.
with rules as (
    select * from model_ew_rule
),

indicator_columns as (
    select column_name, column_type
    from (describe fct_indicator_rollup)
    where column_name not in ('level', 'key', 'week_start')
)

select
    rules.indicator,
    rules.drop_points,
    rules.drop_sd,
    indicator_columns.column_name is not null
        and (indicator_columns.column_type in ('DOUBLE', 'FLOAT', 'BIGINT', 'INTEGER', 'HUGEINT') or indicator_columns.column_type like 'DECIMAL%')
        as indicator_known,
from rules
left join indicator_columns
    on indicator_columns.column_name = rules.indicator
