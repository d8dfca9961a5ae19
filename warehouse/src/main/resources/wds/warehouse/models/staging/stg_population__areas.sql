-- Areas of the county as delivered: one row per statistical division code.
with

source as (
    select * from ods_population__areas
),

final as (
    select
        area_code,
        name as area_name,
        level as area_level,
        parent_code,
        urban_rural_code,
        committee_type
    from source
    where not coalesce(deleted, false)
)

select * from final
