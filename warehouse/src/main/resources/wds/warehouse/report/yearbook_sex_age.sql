-- The county's sex-by-age tables of the yearbook (统计资料): one row per measure x 5-year age group
-- x year x sex of mart_sex_age, years first..last, with the feed's suppression flag (public).
-- Parameters: first year, last year.
select
    m.measure,
    m.age_group,
    m.year,
    cast(m.sex_code as varchar) as sex_code,
    m.value,
    m.suppressed
from mart_sex_age as m
where m.area_level = 'county'
  and m.year between ? and ?
order by m.measure, m.age_group, m.year, m.sex_code
