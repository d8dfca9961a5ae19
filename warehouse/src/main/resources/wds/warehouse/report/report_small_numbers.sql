-- The small-number notes of the county rows in year Y (residence all), as the warehouse words them:
-- the interval and the three-year figure. One row per indicator and sex. Parameter: year.
select w.indicator_code, cast(w.sex as varchar) as sex, w.message
from indicator_warning as w
where w.year = ?
  and w.kind = 'small_numbers'
  and w.residence = 'all'
  and w.area_code in (select area_code from dim_area where area_level = 'county')
order by w.indicator_code, w.sex
