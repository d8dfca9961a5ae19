-- The names of the county and its townships, from the lake's dim_area (names only, no values),
-- for the public view's area picker. Parameter: the Parquet files of dim_area.
select area_code, area_name
from read_parquet(?)
where area_level in ('county', 'township')
order by area_code
