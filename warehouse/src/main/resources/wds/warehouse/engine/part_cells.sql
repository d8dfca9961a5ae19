-- One indicator part aggregated: one row per year, area (county or township), residence and sex,
-- with the part's aggregate over the rows meeting its condition (amount, records), and at county
-- level (residence all, sex 0) the number of rows in the year whatever the condition (base: zero
-- means the sources had nothing for it).
-- A row counts once in each cell it belongs to: its township, the county, at county level its
-- residence's urban or rural class, and its sex besides "all" (0). The cells come from one pass
-- over the rows with grouping sets, so a distinct count stays exact in every cell (a person
-- with spells in two townships counts in both and once at the county) without copying rows per
-- cell.
with

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

meeting as (
    -- the condition is applied before the cells are formed: cells without a row meeting it read
    -- as no rows (zero for a count or sum, no value for a mean), as they would with a zero amount
    select * from placed where {{where}}
),

grouped as (
    -- the grouping sets are the indicator's: (year, area) always, by sex and by residence when
    -- the indicator has those rows; {{residence}} and {{sex}} read "all" and 0 where a set does
    -- not group by them
    select
        cell_year as year,
        cell_area as area_code,
        cell_level,
        {{residence}} as residence,
        {{sex}} as sex,
        ({{aggregate}})::double as amount,
        count(*)::bigint as records
    from meeting
    group by grouping sets ({{grouping_sets}})
),

cells as (
    -- urban and rural rows at county level only, and only for a residence that is known
    select year, area_code, residence, sex, amount, records
    from grouped
    where residence = 'all' or (cell_level = 'county' and residence is not null)
),

base as (
    select cell_year as year, cell_area as area_code, 'all' as residence, '0' as sex,
        count(*)::bigint as base
    from placed
    where cell_level = 'county'
    group by all
),

final as (
    select
        coalesce(c.year, b.year) as year,
        coalesce(c.area_code, b.area_code) as area_code,
        coalesce(c.residence, b.residence) as residence,
        coalesce(c.sex, b.sex) as sex,
        c.amount,
        coalesce(c.records, 0)::bigint as records,
        coalesce(b.base, 0)::bigint as base
    from cells as c
    full outer join base as b
        on c.year = b.year and c.area_code = b.area_code and c.residence = b.residence
        and c.sex = b.sex
)

select * from final
