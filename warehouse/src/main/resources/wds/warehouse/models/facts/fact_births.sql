-- Live births: one row per birth certificate, the mother as the person, dated by the birth.
with

births as (
    select * from stg_health__births
),

areas as (
    select * from dim_area
),

final as (
    select
        b.cert_no,
        b.person_key,
        b.sex_code,
        b.person_birth_date,
        age_on(b.person_birth_date, b.birth_date) as age_years,
        b.birth_date as event_date,
        year(b.birth_date)::integer as year,
        b.area_code,
        a.township_code,
        a.urban_rural as residence,
        b.child_sex,
        b.gestation_weeks,
        b.birth_weight_g,
        b.delivery_place,
        b.delivery_mode
    from births as b
    left join areas as a using (area_code)
)

select * from final
