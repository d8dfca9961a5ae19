-- Every indicator part that reads one fact under one reference rule, aggregated in one pass: one
-- row per year, area (county or township), residence and sex, with each part's aggregate over the
-- rows meeting its condition (amount_<i> and records_<i>, each with its FILTER), and
-- at county level (residence all, sex 0) the number of rows in the year whatever the condition
-- (base: zero means the sources had nothing for it). grouped_residence and grouped_sex say which
-- grouping set a row comes from (1: the set leaves that column out), so each part keeps only the
-- sets its indicator reports.
-- The rules are part_cells.sql's, which computes one part alone: a row counts once in each cell
-- it belongs to (its township, the county, at county level its residence's urban or rural class,
-- its sex besides "all"), and the cells come from grouping sets over the rows, so a distinct
-- count stays exact in every cell. Here the fact's rows are formed and placed once for all the
-- parts that read them, instead of once per part.
with

part as (
    -- the fact's rows per year, by the reference-day rule (reference_*.sql)
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

grouped as (
    select
        cell_year as year,
        cell_area as area_code,
        cell_level,
        {{residence}} as residence,
        {{sex}} as sex,
        {{grouped_residence}} as grouped_residence,
        {{grouped_sex}} as grouped_sex,
        {{aggregates}}
    from placed
    group by grouping sets ({{grouping_sets}})
),

cells as (
    -- urban and rural rows at county level only, and only for a residence that is known
    select * exclude (cell_level)
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
        coalesce(b.base, 0)::bigint as base,
        coalesce(c.grouped_residence, 1) as grouped_residence,
        coalesce(c.grouped_sex, 1) as grouped_sex,
        c.* exclude (year, area_code, residence, sex, grouped_residence, grouped_sex)
    from cells as c
    full outer join base as b
        on c.year = b.year and c.area_code = b.area_code and c.residence = b.residence
        and c.sex = b.sex
        and c.grouped_residence = 1 and c.grouped_sex = 1
)

select * from final
