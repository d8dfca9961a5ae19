-- Professional titles: one row per title awarded (held from award to revocation), a spell from start_date to end_date, dated by its start.
with

spells as (
    select * from stg_hr__titles
),

areas as (
    select * from dim_area
),

final as (
    select
        s.title_id,
        s.person_key,
        s.sex_code,
        s.person_birth_date,
        -- a spell's age and year are read at its start; stocks re-read the age on 31 December
        age_on(s.person_birth_date, s.award_date) as age_years,
        s.award_date as start_date,
        s.revoked_date as end_date,
        year(s.award_date)::integer as year,
        s.area_code,
        a.township_code,
        a.urban_rural as residence,
        s.title_level,
        s.series
    from spells as s
    left join areas as a using (area_code)
)

select * from final
