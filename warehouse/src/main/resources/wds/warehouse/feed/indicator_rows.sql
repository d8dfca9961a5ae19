-- The county and township rows of indicator_value with the count each rests on, for protection.
-- persons: the value itself for a count indicator, the denominator for a mean (years), else the
-- numerator; denominator: a rate's or share's denominator, itself a count the public sees (none
-- for counts and means); units come from the indicator catalogue (indicator.code, indicator.unit).
select v.indicator_code,
       cast(v.year as varchar) as year,
       v.area_code,
       v.residence,
       cast(v.sex as varchar) as sex,
       cast(case u.unit
              when 'count' then coalesce(v.numerator, v.value)
              when 'years' then v.denominator
              else v.numerator
            end as double) as persons,
       coalesce(u.unit = 'years', false) as mean,
       cast(case when coalesce(u.unit, '') not in ('count', 'years') then v.denominator end
            as double) as denominator
from indicator_value v
left join indicator u on u.code = v.indicator_code
where not (length(trim(v.area_code)) > 6 and right(trim(v.area_code), 3) <> '000')
-- a fixed order: which cells protect a small one must not change from night to night
order by v.indicator_code, v.year, v.area_code, v.residence, v.sex
