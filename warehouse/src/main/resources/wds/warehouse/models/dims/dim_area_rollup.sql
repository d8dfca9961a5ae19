-- Area roll-up bridge: one row per area and each area containing it (itself included).
with

areas as (
    select * from dim_area
),

final as (
    select area_code, area_code as rollup_area_code, area_level as rollup_level from areas
    union all
    select area_code, township_code, 'township' from areas
    where area_level = 'village' and township_code is not null
    union all
    select area_code, county_code, 'county' from areas
    where area_level <> 'county' and county_code is not null
)

select * from final
