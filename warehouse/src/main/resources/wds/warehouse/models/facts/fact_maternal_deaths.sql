-- Maternal deaths: one row per death, dated by the death.
with

deaths as (
    select * from stg_health__maternal_deaths
),

areas as (
    select * from dim_area
),

final as (
    select
        d.case_id,
        d.person_key,
        d.sex_code,
        d.person_birth_date,
        age_on(d.person_birth_date, d.death_date) as age_years,
        d.death_date as event_date,
        year(d.death_date)::integer as year,
        d.area_code,
        a.township_code,
        a.urban_rural as residence,
        d.icd10,
        -- O96/O97: deaths more than 42 days after the end of pregnancy, outside the ratio
        regexp_matches(d.icd10, '^O9[67]') as is_late_maternal_death
    from deaths as d
    left join areas as a using (area_code)
)

select * from final
