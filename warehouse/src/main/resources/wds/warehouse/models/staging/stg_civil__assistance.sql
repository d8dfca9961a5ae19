-- Social assistance cases: one row per case (a spell of assistance).
with

source as (
    select * from ods_civil__assistance
),

final as (
    select
        case_no,
        person_key,
        id_sex as sex_code,
        id_birth_date as person_birth_date,
        program,
        start_date,
        end_date,
        monthly_amount,
        residence_area_code as area_code
    from source
    where not coalesce(deleted, false)
)

select * from final
