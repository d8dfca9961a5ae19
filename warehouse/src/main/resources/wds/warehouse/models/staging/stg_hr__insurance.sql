-- Social insurance enrolment: one row per enrolment spell.
with

source as (
    select * from ods_hr__insurance
),

final as (
    select
        spell_id,
        person_key,
        id_sex as sex_code,
        id_birth_date as person_birth_date,
        scheme,
        start_date,
        end_date,
        area_code
    from source
    where not coalesce(deleted, false)
)

select * from final
