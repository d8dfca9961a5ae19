-- mart_sex_age as the public feed groups it, before suppression: county rows in the mart's 5-year
-- age groups; township rows summed into the broader bands of feed_age_bands (AgeBands: age group ->
-- band), a label without a band (an all-ages total) kept as it is. Villages are not published.
with

mart as (
    select year, area_code, area_level, sex_code, age_group, measure, cast(value as double) as value,
        length(trim(area_code)) <= 6 or right(trim(area_code), 6) = '000000' as is_county
    from mart_sex_age
    where not (length(trim(area_code)) > 6 and right(trim(area_code), 3) <> '000')
),

county as (
    select year, area_code, area_level, sex_code, age_group, measure, value
    from mart
    where is_county
),

townships as (
    -- the 5-year groups of a township are exact parts of its band: a person has one age in a year
    select m.year, m.area_code, m.area_level, m.sex_code,
        coalesce(b.band, m.age_group) as age_group, m.measure, sum(m.value) as value
    from mart as m
    left join feed_age_bands as b on b.age_group = m.age_group
    where not m.is_county
    group by all
),

final as (
    select * from county
    union all
    select * from townships
)

select * from final
