-- Department annual returns: one row per department, indicator, year, area and sex.
with

source as (
    select * from ods_reports__indicator_reports
),

final as (
    select
        department,
        indicator_code,
        year::integer as year,
        area_code,
        sex as sex_code,
        numerator::double as numerator,
        denominator::double as denominator,
        value::double as value,
        note,
        updated_at
    from source
    where not coalesce(deleted, false)
)

select * from final
