-- Attainment (达标, reports.md): one row per indicator of the catalogue, with the status of its
-- county row (residence all, sex 0) in the year; an indicator without that row has no data.
with

county as (
    select area_code from dim_area where area_level = 'county'
),

headline as (
    select v.indicator_code, v.status
    from indicator_value as v
    where v.year = ?
      and v.residence = 'all'
      and v.sex = '0'
      and v.area_code in (select area_code from county)
),

final as (
    select
        i.code as indicator_code,
        i.domain,
        coalesce(h.status, 'no_data') as status
    from indicator as i
    left join headline as h on h.indicator_code = i.code
)

select * from final order by indicator_code
