-- The townships where an indicator is not met in year Y (residence all, sex 0), by indicator.
select
    v.indicator_code,
    v.area_code,
    a.area_name
from indicator_value as v
join dim_area as a using (area_code)
where v.year = ?
  and a.area_level = 'township'
  and v.residence = 'all'
  and v.sex = '0'
  and v.status = 'not_met'
order by v.indicator_code, v.area_code
