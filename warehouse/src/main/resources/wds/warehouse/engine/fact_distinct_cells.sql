-- Every distinct-count part that reads one fact under one reference rule and counts the same
-- thing (persons, or the values of one expression), aggregated in one pass: one row per year,
-- area (county or township), residence and sex, with each part's number of distinct values among
-- the rows meeting its condition (amount_<i>) and those rows (records_<i>), and at county level
-- (residence all, sex 0) the number of rows in the year whatever the condition (base: zero means
-- the sources had nothing for it). grouped_residence and grouped_sex say which grouping set a row
-- comes from (1: the set leaves that column out), so each part keeps only the sets its indicator
-- reports. The columns are fact_cells.sql's.
-- The rules are part_cells.sql's, whose count(distinct) this equals in every cell. The distinct
-- values are counted as distinct rows, then count(*): the rows are grouped by cell and counted
-- value (one row per value in each cell of each grouping set, a grouping DuckDB can spill to
-- disk), each part's condition kept as a flag (some row of the value in the cell meets it; a null
-- value counts nowhere), then the flagged values are counted per cell. So the fact's rows are
-- formed, placed and grouped once for all the parts, where count(distinct) FILTERs would keep a
-- distinct table per part and grouping set (warehouse/NIGHTLY-SPEED.md).
with

part as (
    -- the fact's rows per year, by the reference-day rule (reference_*.sql)
    {{rows}}
),

rollup as (
    select * from dim_area_rollup where rollup_level in ('county', 'township')
),

placed as (
    select p.*, r.rollup_area_code as cell_area, r.rollup_level as cell_level,
        {{counted}} as counted
    from part as p
    inner join rollup as r using (area_code)
),

valued as (
    -- one row per cell and counted value; each grouping set is the indicator's and the value
    select
        cell_year,
        cell_area,
        cell_level,
        {{residence}} as residence,
        {{sex}} as sex,
        {{grouped_residence}} as grouped_residence,
        {{grouped_sex}} as grouped_sex,
        {{flags}},
        count(*) as value_rows
    from placed
    group by grouping sets ({{grouping_sets}})
),

grouped as (
    select
        cell_year as year,
        cell_area as area_code,
        cell_level,
        residence,
        sex,
        grouped_residence,
        grouped_sex,
        sum(value_rows)::bigint as cell_rows,
        {{counts}}
    from valued
    group by cell_year, cell_area, cell_level, residence, sex, grouped_residence, grouped_sex
),

final as (
    -- urban and rural rows at county level only, and only for a residence that is known
    select
        year,
        area_code,
        residence,
        sex,
        case
            when cell_level = 'county' and grouped_residence = 1 and grouped_sex = 1
                then cell_rows
            else 0
        end::bigint as base,
        grouped_residence,
        grouped_sex,
        * exclude (year, area_code, cell_level, residence, sex, grouped_residence, grouped_sex,
            cell_rows)
    from grouped
    where residence = 'all' or (cell_level = 'county' and residence is not null)
)

select * from final
