-- indicator_value as the public sees it: county and township rows only (villages are not
-- published), withheld cells blanked and flagged. A withheld row shows no value, interval or
-- status; its numerator and denominator are blanked as far as each is withheld (a rate's
-- denominator stays when only its numerator is small; a mean's count and sum go together).
select v.indicator_code,
       v.year,
       v.area_code,
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
from indicator_value v
left join feed_indicator_flags f
  on f.indicator_code = v.indicator_code
 and f.year = cast(v.year as varchar)
 and f.area_code = v.area_code
 and f.residence = v.residence
 and f.sex = cast(v.sex as varchar)
where not (length(trim(v.area_code)) > 6 and right(trim(v.area_code), 3) <> '000')
order by v.indicator_code, v.year, v.area_code, v.residence, v.sex
