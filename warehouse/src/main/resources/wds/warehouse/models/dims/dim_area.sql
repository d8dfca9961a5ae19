-- The county's areas: one row per area, with its township, county and urban/rural class.
with

areas as (
    select * from stg_population__areas
),

final as (
    select
        a.area_code,
        a.area_name,
        a.area_level,
        a.parent_code,
        case a.area_level
            when 'township' then a.area_code
            when 'village' then a.parent_code
        end as township_code,
        case a.area_level
            when 'county' then a.area_code
            when 'township' then a.parent_code
            when 'village' then p.parent_code
        end as county_code,
        a.urban_rural_code,
        case left(a.urban_rural_code, 1)
            when '1' then 'urban'
            when '2' then 'rural'
        end as urban_rural,
        a.committee_type
    from areas as a
    left join areas as p on p.area_code = a.parent_code
)

select * from final
