-- Indicators without data at county level in year Y (no_data warnings), with the department
-- answerable: for a reported indicator the department that last returned it, else none.
with

county as (
    select area_code from dim_area where area_level = 'county'
),

missing as (
    select w.indicator_code, w.message
    from indicator_warning as w
    where w.year = ?
      and w.kind = 'no_data'
      and w.residence = 'all'
      and w.sex = '0'
      and w.area_code in (select area_code from county)
),

last_return as (
    select indicator_code, arg_max(department, year) as department
    from fact_indicator_reports
    group by indicator_code
),

final as (
    select
        m.indicator_code,
        i.name_zh,
        i.basis,
        r.department as reporting_department,
        m.message
    from missing as m
    join indicator as i on i.code = m.indicator_code
    left join last_return as r using (indicator_code)
)

select * from final order by indicator_code
