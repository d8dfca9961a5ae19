-- The settings this warehouse was built with: one row, the plan's years, the day it was built as
-- of and the latest delivery, from which the data years and the provisional years follow.
with

params as (
    select
        ?::varchar as plan_code,
        ?::varchar as plan_name,
        ?::integer as baseline_year,
        ?::integer as first_plan_year,
        ?::integer as mid_term_year,
        ?::integer as final_year,
        ?::date as as_of
),

deliveries as (
    select delivery_date from etl_delivery where status not in ('refused', 'ignored')
    union all select _delivery_date from ods_population__areas
    union all select _delivery_date from ods_population__population
    union all select _delivery_date from ods_health__births
    union all select _delivery_date from ods_health__pregnancies
    union all select _delivery_date from ods_health__maternal_deaths
    union all select _delivery_date from ods_health__cancer_screenings
    union all select _delivery_date from ods_health__hiv_exposed_infants
    union all select _delivery_date from ods_education__students
    union all select _delivery_date from ods_civil__marriages
    union all select _delivery_date from ods_civil__assistance
    union all select _delivery_date from ods_civil__committee_members
    union all select _delivery_date from ods_hr__employment
    union all select _delivery_date from ods_hr__insurance
    union all select _delivery_date from ods_hr__titles
    union all select _delivery_date from ods_reports__indicator_reports
),

latest as (
    select max(delivery_date) as latest_delivery_date from deliveries
),

final as (
    select
        p.plan_code,
        p.plan_name,
        p.baseline_year,
        p.first_plan_year,
        p.mid_term_year,
        p.final_year,
        p.as_of,
        l.latest_delivery_date,
        -- the data years run from the baseline to the latest delivery's year, never past as_of
        p.baseline_year as first_year,
        greatest(
            p.baseline_year,
            least(year(p.as_of), coalesce(year(l.latest_delivery_date), year(p.as_of)))
        )::integer as last_year,
        -- a year not before the latest delivery's year can still change
        coalesce(year(l.latest_delivery_date), year(p.as_of))::integer as provisional_from_year
    from params as p
    cross join latest as l
)

select * from final
