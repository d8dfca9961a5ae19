-- A county's own rows of indicator_value (its county code, every residence and sex), with the
-- figures the region sums.
select indicator_code, year, residence, cast(sex as varchar) as sex,
       cast(numerator as double) as numerator,
       cast(denominator as double) as denominator,
       cast(value as double) as value,
       provisional
from cty.indicator_value
where area_code = ?
order by indicator_code, year, residence, sex
