-- indicator_value for the JSON API, county and township rows only. Parameters: year or null,
-- area or null, sex or null, residence or null, indicator or null (each given twice).
select v.indicator_code,
       v.year,
       v.area_code,
       v.residence,
       v.sex,
       v.numerator,
       v.denominator,
       v.value,
       v.ci_low,
       v.ci_high,
       v.target_op,
       v.target,
       v.status,
       v.basis,
       v.provisional
from indicator_value as v
join dim_area as a using (area_code)
where a.area_level in ('county', 'township')
  and (cast(? as integer) is null or v.year = ?)
  and (cast(? as varchar) is null or v.area_code = ?)
  and (cast(? as varchar) is null or v.sex = ?)
  and (cast(? as varchar) is null or v.residence = ?)
  and (cast(? as varchar) is null or v.indicator_code = ?)
order by v.indicator_code, v.year, v.area_code, v.residence, v.sex
