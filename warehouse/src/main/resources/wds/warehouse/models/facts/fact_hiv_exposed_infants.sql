-- HIV-exposed infants: one row per infant, the mother as the person, dated by the infant's birth.
with

infants as (
    select * from stg_health__hiv_exposed_infants
),

areas as (
    select * from dim_area
),

final as (
    select
        i.infant_id,
        i.person_key,
        i.sex_code,
        i.person_birth_date,
        age_on(i.person_birth_date, i.birth_date) as age_years,
        i.birth_date as event_date,
        year(i.birth_date)::integer as year,
        i.area_code,
        a.township_code,
        a.urban_rural as residence,
        i.final_status
    from infants as i
    left join areas as a using (area_code)
)

select * from final
