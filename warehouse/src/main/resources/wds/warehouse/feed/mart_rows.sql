-- The county and township rows of mart_sex_age, for protection.
select cast(year as varchar) as year,
       area_code,
       cast(sex_code as varchar) as sex_code,
       age_group,
       measure,
       cast(value as double) as value
from mart_sex_age
where not (length(trim(area_code)) > 6 and right(trim(area_code), 3) <> '000')
-- a fixed order: which cells protect a small one must not change from night to night
order by year, area_code, measure, sex_code, age_group
