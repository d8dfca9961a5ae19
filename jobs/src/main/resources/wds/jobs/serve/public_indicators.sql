-- The public feed's indicator_value as it is published (withheld cells already blank and flagged),
-- filtered. Parameters: the feed's Parquet file; year or null, area or null, sex or null,
-- residence or null, indicator or null (each filter given twice).
select indicator_code,
       cast(year as integer) as year,
       area_code,
       residence,
       cast(sex as varchar) as sex,
       numerator,
       denominator,
       value,
       ci_low,
       ci_high,
       target_op,
       target,
       status,
       basis,
       provisional,
       suppressed
from read_parquet(?)
where (cast(? as integer) is null or year = ?)
  and (cast(? as varchar) is null or area_code = ?)
  and (cast(? as varchar) is null or cast(sex as varchar) = ?)
  and (cast(? as varchar) is null or residence = ?)
  and (cast(? as varchar) is null or indicator_code = ?)
order by indicator_code, year, area_code, residence, sex
