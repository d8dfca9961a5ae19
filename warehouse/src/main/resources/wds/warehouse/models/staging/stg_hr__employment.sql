-- Employment registrations: one row per employment spell.
with

source as (
    select * from ods_hr__employment
),

final as (
    select
        record_id,
        person_key,
        id_sex as sex_code,
        id_birth_date as person_birth_date,
        employer_type,
        industry,
        start_date,
        end_date,
        monthly_wage,
        work_area_code as area_code
    from source
    where not coalesce(deleted, false)
)

select * from final
