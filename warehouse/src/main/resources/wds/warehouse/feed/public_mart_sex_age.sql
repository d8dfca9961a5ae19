-- mart_sex_age as the public sees it: county and township rows only, withheld cells blanked and
-- flagged.
select m.year,
       m.area_code,
       m.area_level,
       m.sex_code,
       m.age_group,
       m.measure,
       case when f.suppressed is null then m.value end as value,
       f.suppressed
from mart_sex_age m
left join feed_mart_flags f
  on f.year = cast(m.year as varchar)
 and f.area_code = m.area_code
 and f.sex_code = cast(m.sex_code as varchar)
 and f.age_group = m.age_group
 and f.measure = m.measure
where not (length(trim(m.area_code)) > 6 and right(trim(m.area_code), 3) <> '000')
order by m.year, m.area_code, m.measure, m.sex_code, m.age_group
