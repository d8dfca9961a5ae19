-- Year-end resident population: one row per year, village or community, sex and single age.
with

population as (
    select * from stg_population__population
),

areas as (
    select * from dim_area
),

final as (
    select
        p.year,
        p.area_code,
        a.township_code,
        a.urban_rural as residence,
        p.sex_code,
        p.age_years,
        p.persons
    from population as p
    left join areas as a using (area_code)
)

select * from final
