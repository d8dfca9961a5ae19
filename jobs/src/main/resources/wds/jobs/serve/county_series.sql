-- The county rows (residence all, sex 0) of every indicator from year A to year B: the overview's
-- values, statuses and sparklines. Parameters: first year, last year.
select v.indicator_code,
       v.year,
       v.value,
       v.status,
       v.provisional
from indicator_value as v
join dim_area as a using (area_code)
where a.area_level = 'county'
  and v.residence = 'all'
  and v.sex = '0'
  and v.year between ? and ?
order by v.indicator_code, v.year
