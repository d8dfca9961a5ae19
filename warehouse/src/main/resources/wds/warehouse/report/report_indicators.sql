-- The catalogue as a report describes it: one row per indicator, in the catalogue's order.
select
    code as indicator_code,
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
