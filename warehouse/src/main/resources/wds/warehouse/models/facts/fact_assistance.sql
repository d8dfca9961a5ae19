-- Social assistance: one row per assistance case, a spell from start_date to end_date, dated by its start.
with

spells as (
    select * from stg_civil__assistance
),

areas as (
    select * from dim_area
),

final as (
    select
        s.case_no,
        s.person_key,
        s.sex_code,
        s.person_birth_date,
        -- a spell's age and year are read at its start; stocks re-read the age on 31 December
        age_on(s.person_birth_date, s.start_date) as age_years,
        s.start_date as start_date,
        s.end_date as end_date,
        year(s.start_date)::integer as year,
        s.area_code,
        a.township_code,
        a.urban_rural as residence,
        s.program,
        s.monthly_amount
    from spells as s
    left join areas as a using (area_code)
)

select * from final
