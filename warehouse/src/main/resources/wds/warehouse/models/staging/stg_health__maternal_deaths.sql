-- Maternal death reports: one row per maternal death.
with

source as (
    select * from ods_health__maternal_deaths
),

final as (
    select
        case_id,
        person_key,
        id_sex as sex_code,
        id_birth_date as person_birth_date,
        death_date,
        residence_area_code as area_code,
        icd10
    from source
    where not coalesce(deleted, false)
)

select * from final
