-- Student registry, September snapshot: one row per student record per school year, without the
-- national student number (it can embed the identity number: 'G' followed by the 18 characters).
with

source as (
    select * from ods_education__students
),

final as (
    select
        school_year::integer as school_year,
        person_key,
        id_sex as sex_code,
        id_birth_date as person_birth_date,
        sex as stated_sex,
        school_code,
        school_type,
        grade,
        status,
        school_area_code as area_code
    from source
    where not coalesce(deleted, false)
)

select * from final
