-- The areas indicators are reported for: the county and its townships and farms, with names.
select area_code, area_name, area_level
from dim_area
where area_level in ('county', 'township')
order by area_level, area_code
