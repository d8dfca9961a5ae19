-- The plan's years and the data years of a published snapshot, one row, from build_context; the
-- latest complete year is the latest plan year (baseline..final) before the first provisional
-- year that has any value other than no_data.
with

context as (
    select * from build_context
),

values_with_data as (
    select distinct year from indicator_value where status <> 'no_data'
),

final as (
    select
        c.plan_code,
        c.plan_name,
        c.baseline_year,
        c.mid_term_year,
        c.final_year,
        c.as_of,
        c.latest_delivery_date,
        c.first_year,
        c.last_year,
        c.provisional_from_year,
        (
            select max(v.year)
            from values_with_data as v
            where v.year between c.baseline_year and c.final_year
              and v.year < c.provisional_from_year
        ) as latest_complete_year
    from context as c
)

select * from final
