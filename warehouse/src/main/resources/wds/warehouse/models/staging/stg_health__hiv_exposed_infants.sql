-- HIV-exposed infants: one row per infant, the mother as the person.
with

source as (
    select * from ods_health__hiv_exposed_infants
),

final as (
    select
        infant_id,
        mother_person_key as person_key,
        mother_id_sex as sex_code,
        mother_id_birth_date as person_birth_date,
        birth_date,
        final_status,
        residence_area_code as area_code
    from source
    where not coalesce(deleted, false)
)

select * from final
