-- Pregnancy care records: one row per pregnancy, the mother as the person.
with

source as (
    select * from ods_health__pregnancies
),

final as (
    select
        pregnancy_id,
        mother_person_key as person_key,
        mother_id_sex as sex_code,
        mother_id_birth_date as person_birth_date,
        residence_area_code as area_code,
        registration_date,
        first_visit_week,
        prenatal_visits,
        outcome,
        outcome_date,
        postpartum_visit,
        hiv_tested,
        syphilis_tested,
        hbv_tested,
        hiv_positive,
        syphilis_positive,
        hbv_positive,
        infection_treated,
        hemoglobin_g_l,
        high_risk,
        _delivery_date as last_delivery_date
    from source
    where not coalesce(deleted, false)
)

select * from final
