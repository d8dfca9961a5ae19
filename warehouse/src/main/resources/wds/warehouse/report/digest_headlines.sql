-- The county row (residence all, sex 0) of every indicator in year Y with its warning kinds, its
-- previous year's and baseline's values and its projection: what the digest ranks and words.
-- Parameters: year, year.
with

context as (
    select * from build_context
),

county as (
    select area_code, area_name from dim_area where area_level = 'county'
),

headline as (
    select v.*
    from indicator_value as v
    where v.residence = 'all'
      and v.sex = '0'
      and v.area_code in (select area_code from county)
),

warnings as (
    select
        w.indicator_code,
        list(distinct w.kind order by w.kind) as kinds,
        max(w.projected_value) filter (where w.kind = 'projected_miss') as projected_value
    from indicator_warning as w
    where w.year = ?
      and w.residence = 'all'
      and w.sex = '0'
      and w.area_code in (select area_code from county)
    group by w.indicator_code
),

final as (
    select
        i.code as indicator_code,
        i.name_zh,
        i.domain,
        i.unit,
        i.basis,
        i.target_op,
        i.target,
        i.tolerance,
        now.value,
        now.status,
        before.value as previous_value,
        base.value as baseline_value,
        coalesce(w.kinds, []) as kinds,
        w.projected_value,
        c.baseline_year,
        c.final_year
    from indicator as i
    cross join context as c
    left join headline as now on now.indicator_code = i.code and now.year = ?
    left join headline as before on before.indicator_code = i.code and before.year = now.year - 1
    left join headline as base on base.indicator_code = i.code and base.year = c.baseline_year
    left join warnings as w on w.indicator_code = i.code
)

select * from final order by indicator_code
