-- Every row of one indicator at county and township level, with the area's name and level: the
-- indicator page's trend, townships, urban/rural and women/men. Parameter: indicator code.
select v.year,
       v.area_code,
       a.area_name,
       a.area_level,
       v.residence,
       v.sex,
       v.numerator,
       v.denominator,
       v.value,
       v.ci_low,
       v.ci_high,
       v.status,
       v.provisional
from indicator_value as v
join dim_area as a using (area_code)
where v.indicator_code = ?
  and a.area_level in ('county', 'township')
order by a.area_level, v.area_code, v.residence, v.sex, v.year
