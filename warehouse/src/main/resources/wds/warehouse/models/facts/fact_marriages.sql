-- Marriage and divorce registrations: one row per registration per party, dated by registration.
with

registrations as (
    select * from stg_civil__marriages
),

areas as (
    select * from dim_area
),

parties as (
    select
        registration_no, 1 as party, kind, registration_date, area_code,
        party1_person_key as person_key,
        party1_sex_code as sex_code,
        party1_birth_date as person_birth_date,
        party1_prior as prior_status
    from registrations
    union all
    select
        registration_no, 2 as party, kind, registration_date, area_code,
        party2_person_key,
        party2_sex_code,
        party2_birth_date,
        party2_prior
    from registrations
),

final as (
    select
        p.registration_no,
        p.party::integer as party,
        p.person_key,
        p.sex_code,
        p.person_birth_date,
        age_on(p.person_birth_date, p.registration_date) as age_years,
        p.registration_date as event_date,
        year(p.registration_date)::integer as year,
        p.area_code,
        a.township_code,
        a.urban_rural as residence,
        p.kind,
        p.prior_status
    from parties as p
    left join areas as a using (area_code)
)

select * from final
