-- The county and township rows of the feed's mart (feed_mart: township age groups recoded), for
-- protection.
select cast(year as varchar) as year,
       area_code,
       cast(sex_code as varchar) as sex_code,
       age_group,
       measure,
       value
from feed_mart
-- a fixed order: which cells protect a small one must not change from night to night
order by year, area_code, measure, sex_code, age_group
