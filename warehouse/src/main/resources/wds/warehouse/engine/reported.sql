-- The departments' returns of one indicator in the data years: one row per year, area and sex.
select year, area_code, sex_code, numerator, denominator, value
from fact_indicator_reports
where indicator_code = ? and year between ? and ?
order by year, area_code, sex_code
