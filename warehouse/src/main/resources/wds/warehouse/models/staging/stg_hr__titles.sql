-- Professional and technical titles: one row per title awarded.
with

source as (
    select * from ods_hr__titles
),

final as (
    select
        title_id,
        person_key,
        id_sex as sex_code,
        id_birth_date as person_birth_date,
        level as title_level,
        series,
        award_date,
        revoked_date,
        employer_area_code as area_code
    from source
    where not coalesce(deleted, false)
)

select * from final
