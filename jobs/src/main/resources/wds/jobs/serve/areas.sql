-- The county and its townships, county first.
select area_code, area_name, area_level
from dim_area
where area_level in ('county', 'township')
order by case area_level when 'county' then 0 else 1 end, area_code
