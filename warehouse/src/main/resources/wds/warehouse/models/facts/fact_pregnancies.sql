-- Pregnancies: one row per pregnancy, dated by its outcome (an ongoing one by its registration).
with

pregnancies as (
    select * from stg_health__pregnancies
),

areas as (
    select * from dim_area
),

dated as (
    select
        *,
        -- an ongoing pregnancy has no outcome date: it is dated by its booklet, else by the
        -- delivery that last reported it (the day it was known to be ongoing)
        coalesce(outcome_date, registration_date, last_delivery_date) as event_date
    from pregnancies
),

final as (
    select
        p.pregnancy_id,
        p.person_key,
        p.sex_code,
        p.person_birth_date,
        age_on(p.person_birth_date, p.event_date) as age_years,
        p.event_date,
        year(p.event_date)::integer as year,
        p.area_code,
        a.township_code,
        a.urban_rural as residence,
        p.outcome,
        p.outcome_date,
        p.registration_date,
        p.first_visit_week,
        p.prenatal_visits,
        p.postpartum_visit,
        p.hiv_tested,
        p.syphilis_tested,
        p.hbv_tested,
        p.hiv_positive,
        p.syphilis_positive,
        p.hbv_positive,
        p.infection_treated,
        p.hemoglobin_g_l,
        p.high_risk
    from dated as p
    left join areas as a using (area_code)
)

select * from final
