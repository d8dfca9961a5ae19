-- The indicator rows a report states: one row per indicator x year x area x residence x sex of the
-- county (every residence and sex, years first..last) and of its townships (residence all, sex 0,
-- the report year only), with the area's name and level. Parameters: first year, last year, last
-- year.
with

areas as (
    select area_code, area_name, area_level
    from dim_area
    where area_level in ('county', 'township')
),

final as (
    select
        v.indicator_code,
        v.year,
        v.area_code,
        a.area_name,
        a.area_level,
        v.residence,
        cast(v.sex as varchar) as sex,
        v.numerator,
        v.denominator,
        v.value,
        v.ci_low,
        v.ci_high,
        v.status,
        v.provisional,
        v.suppressed
    from indicator_value as v
    join areas as a using (area_code)
    where (a.area_level = 'county' and v.year between ? and ?)
       or (a.area_level = 'township' and v.year = ? and v.residence = 'all' and cast(v.sex as varchar) = '0')
)

select * from final order by indicator_code, year, area_level, area_code, residence, sex
