-- Cervical and breast cancer screenings: one row per screening.
with

source as (
    select * from ods_health__cancer_screenings
),

final as (
    select
        screening_id,
        person_key,
        id_sex as sex_code,
        id_birth_date as person_birth_date,
        program,
        screen_date,
        result,
        treated,
        residence_area_code as area_code
    from source
    where not coalesce(deleted, false)
)

select * from final
