-- Committee members: one row per member per term, a spell from start_date to end_date, dated by its start.
with

spells as (
    select * from stg_civil__committee_members
),

areas as (
    select * from dim_area
),

final as (
    select
        s.member_id,
        s.person_key,
        s.sex_code,
        s.person_birth_date,
        -- a spell's age and year are read at its start; stocks re-read the age on 31 December
        age_on(s.person_birth_date, s.term_start) as age_years,
        s.term_start as start_date,
        s.term_end as end_date,
        year(s.term_start)::integer as year,
        s.area_code,
        a.township_code,
        a.urban_rural as residence,
        s.committee_type,
        s.role
    from spells as s
    left join areas as a using (area_code)
)

select * from final
