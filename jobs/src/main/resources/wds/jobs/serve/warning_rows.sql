-- The warning rows of the warehouse as they are, with the area's name: the raw rows behind the
-- digest. Parameters: year, indicator code or null, area code or null, kind or null.
select w.indicator_code,
       w.year,
       w.area_code,
       a.area_name,
       a.area_level,
       w.residence,
       w.sex,
       w.kind,
       w.message,
       w.value,
       w.ci_low,
       w.ci_high,
       w.target,
       w.previous_value,
       w.projected_value,
       w.pooled_value
from indicator_warning as w
join dim_area as a using (area_code)
where w.year = ?
  and (cast(? as varchar) is null or w.indicator_code = ?)
  and (cast(? as varchar) is null or w.area_code = ?)
  and (cast(? as varchar) is null or w.kind = ?)
order by w.indicator_code, a.area_level, w.area_code, w.residence, w.sex, w.kind
