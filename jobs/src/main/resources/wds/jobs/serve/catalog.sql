-- The indicator catalogue as the dashboard shows it: one row per indicator, in the catalogue's
-- order (domain order is applied in Java, from the Domain enum).
select code,
       domain,
       name_zh,
       unit,
       target_op,
       target,
       tolerance,
       basis,
       by_sex,
       numerator_definition,
       denominator_definition
from indicator
order by code
