-- One year's rows (residence all, sex 0) of every indicator for one township and for the county,
-- side by side. Parameters: year, township code.
with

county as (
    select v.*
    from indicator_value as v
    join dim_area as a using (area_code)
    where a.area_level = 'county' and v.year = ? and v.residence = 'all' and v.sex = '0'
),

township as (
    select v.*
    from indicator_value as v
    where v.area_code = ? and v.year = ? and v.residence = 'all' and v.sex = '0'
),

final as (
    select i.code as indicator_code,
           t.numerator,
           t.denominator,
           t.value,
           t.ci_low,
           t.ci_high,
           t.status,
           c.value as county_value,
           c.status as county_status
    from indicator as i
    left join township as t on t.indicator_code = i.code
    left join county as c on c.indicator_code = i.code
)

select * from final order by indicator_code
