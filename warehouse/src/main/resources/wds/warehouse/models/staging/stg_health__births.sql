-- Birth medical certificates: one row per certificate (one live-born child), the mother as the person.
with

source as (
    select * from ods_health__births
),

final as (
    select
        cert_no,
        mother_person_key as person_key,
        mother_id_sex as sex_code,
        mother_id_birth_date as person_birth_date,
        child_sex,
        birth_date,
        gestation_weeks,
        birth_weight_g,
        delivery_place,
        delivery_mode,
        residence_area_code as area_code
    from source
    where not coalesce(deleted, false)
)

select * from final
