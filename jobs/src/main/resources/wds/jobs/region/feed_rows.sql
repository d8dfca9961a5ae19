-- The region's indicator rows the public may see (residence all), with the count each rests on:
-- the value of a count, the persons of a mean (its denominator), else the numerator; and the
-- denominator of a rate or share, a count the public sees too.
select v.indicator_code,
       cast(v.year as varchar) as year,
       v.area_code,
       v.residence,
       cast(v.sex as varchar) as sex,
       cast(case i.unit
              when 'count' then coalesce(v.numerator, v.value)
              when 'years' then v.denominator
              else v.numerator
            end as double) as persons,
       cast(case when coalesce(i.unit, '') not in ('count', 'years') then v.denominator end
            as double) as denominator
from r.indicator_value v
left join r.indicator i on i.code = v.indicator_code
where v.residence = 'all'
-- a fixed order: which cells protect a small one must not change from night to night
order by v.indicator_code, v.year, v.area_code, v.residence, v.sex
