-- Year-end resident population: one row per year, village or community, sex and single age.
with

source as (
    select * from ods_population__population
),

final as (
    select
        year::integer as year,
        area_code,
        sex as sex_code,
        age::integer as age_years,
        persons
    from source
    where not coalesce(deleted, false)
)

select * from final
