-- Marriage and divorce registrations: one row per registration, both parties side by side.
with

source as (
    select * from ods_civil__marriages
),

final as (
    select
        registration_no,
        kind,
        registration_date,
        party1_person_key,
        party1_id_sex as party1_sex_code,
        party1_id_birth_date as party1_birth_date,
        party1_prior,
        party2_person_key,
        party2_id_sex as party2_sex_code,
        party2_id_birth_date as party2_birth_date,
        party2_prior,
        registry_area_code as area_code
    from source
    where not coalesce(deleted, false)
)

select * from final
