-- CRM activities: canonical type (vendor strings through model_type_map, case-insensitive) and class.
-- Class: 'internal' without an account; 'unmapped' when the type maps to nothing; otherwise the catalog's class,
-- overridden by direction (inbound_class / outbound_class: an inbound email or call is reactive).
with source as (
    -- a partial build reads the activities of the days it rebuilds (transform_partitions; empty in a full build: all),
    -- with two days' margin for the UTC day of a timestamp read in another zone
    select * from raw_activities
    where not exists (select 1 from transform_partitions)
        or occurred_at between (select min(partition_value) from transform_partitions) - interval 2 day
            and (select max(partition_value) from transform_partitions) + interval 2 day
),

catalog as (
    select distinct type, class, inbound_class, outbound_class from model_activity_type
),

type_map as (
    select * from model_type_map
),

normalized as (
    select
        trim(source.activity_id) as activity_id,
        nullif(trim(source.account_id), '') as account_id,
        trim(source.csm_id) as csm_id,
        source.type as vendor_type,
        lower(trim(source.type)) as type_key,
        lower(source.direction) as direction,
        source.occurred_at,
        utc_date(source.occurred_at) as activity_date,
        source.duration_minutes,
        source.subject,
    from source
),

typed as (
    select
        normalized.*,
        coalesce(canonical.type, mapped.type) as activity_type,
    from normalized
    left join catalog as canonical
        on canonical.type = normalized.type_key
    left join type_map as mapped
        on mapped.vendor_type = normalized.type_key
),

classified as (
    select
        typed.* exclude (type_key),
        case
            when typed.account_id is null then 'internal'
            when typed.activity_type is null then 'unmapped'
            when typed.direction = 'inbound' then catalog.inbound_class
            when typed.direction = 'outbound' then catalog.outbound_class
            else catalog.class
        end as activity_class,
    from typed
    left join catalog
        on catalog.type = typed.activity_type
)

select * from classified
