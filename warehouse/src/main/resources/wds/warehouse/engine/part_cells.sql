-- One indicator part aggregated: one row per year, area (county or township), residence and sex,
-- with the part's aggregate over the rows meeting its condition (amount, records) and the number
-- of rows in the year whatever the condition (base: zero means the sources had nothing for it).
-- A row counts once in each cell it belongs to: its township, the county, at county level its
-- residence's urban or rural class, and its sex besides "all" (0).
with

params as (
    select ?::boolean as split_residence, ?::boolean as by_sex
),

part as (
    -- the part's rows per year, by its reference-day rule (reference_*.sql)
    {{rows}}
),

rollup as (
    select * from dim_area_rollup where rollup_level in ('county', 'township')
),

placed as (
    select p.*, r.rollup_area_code as cell_area, r.rollup_level as cell_level
    from part as p
    inner join rollup as r using (area_code)
),

by_residence as (
    select *, 'all' as cell_residence from placed
    union all
    select *, residence as cell_residence from placed
    where cell_level = 'county' and residence is not null
        and (select split_residence from params)
),

by_sex as (
    select *, '0' as cell_sex from by_residence
    union all
    select *, sex_code as cell_sex from by_residence
    where (select by_sex from params)
),

final as (
    select
        cell_year as year,
        cell_area as area_code,
        cell_residence as residence,
        cell_sex as sex,
        ({{aggregate}} filter (where {{where}}))::double as amount,
        (count(*) filter (where {{where}}))::bigint as records,
        count(*)::bigint as base
    from by_sex
    group by all
)

select * from final
