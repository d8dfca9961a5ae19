-- mart_sex_age as the public sees it: county rows in 5-year age groups, township rows in the
-- broader bands (feed_mart), withheld cells blanked and flagged.
select m.year,
       m.area_code,
       m.area_level,
       m.sex_code,
       m.age_group,
       m.measure,
       case when f.suppressed is null then m.value end as value,
       f.suppressed
from feed_mart m
left join feed_mart_flags f
  on f.year = cast(m.year as varchar)
 and f.area_code = m.area_code
 and f.sex_code = cast(m.sex_code as varchar)
 and f.age_group = m.age_group
 and f.measure = m.measure
order by m.year, m.area_code, m.measure, m.sex_code, m.age_group
