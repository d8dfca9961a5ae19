-- indicator_value as the public sees it for the region: residence all only; withheld rows show
-- no value, interval or status, and their counts are blanked.
select v.indicator_code,
       v.year,
       v.area_code,
       v.area_level,
       v.residence,
       v.sex,
       case when f.suppressed is null or not f.blank_numerator then v.numerator end as numerator,
       case when f.suppressed is null or not f.blank_denominator then v.denominator end as denominator,
       case when f.suppressed is null then v.value end as value,
       case when f.suppressed is null then v.ci_low end as ci_low,
       case when f.suppressed is null then v.ci_high end as ci_high,
       v.target_op,
       v.target,
       case when f.suppressed is null then v.status end as status,
       v.basis,
       v.provisional,
       f.suppressed
from r.indicator_value v
left join feed_flags f
  on f.indicator_code = v.indicator_code
 and f.year = cast(v.year as varchar)
 and f.area_code = v.area_code
 and f.residence = v.residence
 and f.sex = cast(v.sex as varchar)
where v.residence = 'all'
order by v.indicator_code, v.year, v.area_code, v.sex
