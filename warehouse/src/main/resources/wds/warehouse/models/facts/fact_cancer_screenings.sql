-- Cancer screenings: one row per screening, dated by the screening.
with

screenings as (
    select * from stg_health__cancer_screenings
),

areas as (
    select * from dim_area
),

final as (
    select
        s.screening_id,
        s.person_key,
        s.sex_code,
        s.person_birth_date,
        age_on(s.person_birth_date, s.screen_date) as age_years,
        s.screen_date as event_date,
        year(s.screen_date)::integer as year,
        s.area_code,
        a.township_code,
        a.urban_rural as residence,
        s.program,
        s.result,
        s.treated
    from screenings as s
    left join areas as a using (area_code)
)

select * from final
