-- Every distinct-count part that reads one fact under one reference rule and counts the same
-- thing (persons, or the values of one expression), aggregated in one pass: one row per year,
-- area (county or township), residence and sex, with each part's number of distinct values among
-- the rows meeting its condition (amount_<i>) and those rows (records_<i>), and at county level
-- (residence all, sex 0) the number of rows in the year whatever the condition (base: zero means
-- the sources had nothing for it). grouped_residence and grouped_sex say which grouping set a row
-- comes from (1: the set leaves that column out), so each part keeps only the sets its indicator
-- reports. The columns are fact_cells.sql's.
-- The rules are part_cells.sql's, whose count(distinct) this equals in every cell: a value counts
-- once in each cell where one of its rows meets the part's condition, a null value nowhere. The
-- rows are first grouped by year, value and area, each part's condition kept as a flag. Most
-- values (a person) have one area, residence and sex in a year: their cells are that area's
-- roll-up, so they are counted from that one row (alone_cells); only the others are grouped by
-- cell and value (several_cells). These are groupings, which DuckDB spills to disk, not distinct
-- aggregates, whose state it keeps in memory (warehouse/NIGHTLY-SPEED.md). Distinct persons are
-- counted by an integer per person (person_ids.sql), given to the fact's rows before they are
-- repeated per year.
with

keyed as materialized (
    -- the fact's rows, with person_id when the pass counts persons
    {{keyed}}
),

part as not materialized (
    -- the fact's rows per year, by the reference-day rule (reference_*.sql); formed again for
    -- each of its two readers: materialised, every column of the 3.3 M spell-years of insurance
    -- was written and read back, which cost more than joining the years twice
    -- (NIGHTLY-SPEED.md)
    {{rows}}
),

rollup as (
    select * from dim_area_rollup where rollup_level in ('county', 'township')
),

area_rows as (
    -- the rows per year and area (with residence and sex), and those meeting each part's
    -- condition: counts add up, so the cells sum these over the roll-up rather than place rows
    select
        cell_year,
        area_code,
        residence,
        sex_code,
        count(*) as area_rows,
        {{records}}
    from part
    group by cell_year, area_code, residence, sex_code
),

tallied as (
    -- the rows per cell, and those meeting each part's condition
    select
        cell_year,
        cell_area,
        cell_level,
        {{residence}} as residence,
        {{sex}} as sex,
        {{grouped_residence}} as grouped_residence,
        {{grouped_sex}} as grouped_sex,
        sum(area_rows)::bigint as cell_rows,
        {{records_summed}}
    from (
        select a.*, r.rollup_area_code as cell_area, r.rollup_level as cell_level
        from area_rows as a
        inner join rollup as r using (area_code)
    )
    group by grouping sets ({{grouping_sets}})
),

valued as (
    -- one row per year, value and area (with its residence and sex) that has cells, with each
    -- part's flag: some row of the value there meets the part's condition
    select cell_year, counted, area_code, residence, sex_code,
        {{flags}}
    from (select p.*, {{counted}} as counted from part as p)
    where counted is not null and area_code in (select area_code from rollup)
    group by cell_year, counted, area_code, residence, sex_code
),

value_years as (
    -- alone: the value has one area, residence and sex in the year
    select *, count(*) over (partition by cell_year, counted) = 1 as alone
    from valued
),

alone_areas as (
    -- the values alone in their area, counted per year and area (with residence and sex)
    select
        cell_year,
        area_code,
        residence,
        sex_code,
        {{counts}}
    from value_years
    where alone
    group by cell_year, area_code, residence, sex_code
),

alone_cells as (
    -- a value alone in its area counts once in each cell of the area's roll-up (distinct: an
    -- area listed twice in the roll-up must not count a value twice)
    select
        cell_year,
        cell_area,
        cell_level,
        {{residence}} as residence,
        {{sex}} as sex,
        {{grouped_residence}} as grouped_residence,
        {{grouped_sex}} as grouped_sex,
        {{sums}}
    from (
        select a.*, r.rollup_area_code as cell_area, r.rollup_level as cell_level
        from alone_areas as a
        inner join (select distinct * from rollup) as r using (area_code)
    )
    group by grouping sets ({{grouping_sets}})
),

several_values as (
    -- the other values: one row per cell and value, as part_cells.sql's count(distinct) sees them
    select
        cell_year,
        cell_area,
        cell_level,
        {{residence}} as residence,
        {{sex}} as sex,
        {{grouped_residence}} as grouped_residence,
        {{grouped_sex}} as grouped_sex,
        {{flags_again}}
    from (
        select v.*, r.rollup_area_code as cell_area, r.rollup_level as cell_level
        from value_years as v
        inner join rollup as r using (area_code)
        where not v.alone
    )
    group by grouping sets ({{grouping_sets_counted}})
),

several_cells as (
    select
        cell_year,
        cell_area,
        cell_level,
        residence,
        sex,
        grouped_residence,
        grouped_sex,
        {{counts}}
    from several_values
    group by all
),

counted_cells as (
    select
        cell_year, cell_area, cell_level, residence, sex, grouped_residence, grouped_sex,
        {{sums}}
    from (
        select * from alone_cells
        union all by name
        select * from several_cells
    )
    group by all
),

final as (
    -- urban and rural rows at county level only, and only for a residence that is known
    select
        t.cell_year as year,
        t.cell_area as area_code,
        t.residence,
        t.sex,
        case
            when t.cell_level = 'county' and t.grouped_residence = 1 and t.grouped_sex = 1
                then t.cell_rows
            else 0
        end::bigint as base,
        t.grouped_residence,
        t.grouped_sex,
        {{amounts}},
        t.* exclude (cell_year, cell_area, cell_level, residence, sex, grouped_residence,
            grouped_sex, cell_rows)
    from tallied as t
    left join counted_cells as c
        on c.cell_year = t.cell_year and c.cell_area = t.cell_area
        and c.residence is not distinct from t.residence and c.sex is not distinct from t.sex
        and c.grouped_residence = t.grouped_residence and c.grouped_sex = t.grouped_sex
    where t.residence = 'all' or (t.cell_level = 'county' and t.residence is not null)
)

select * from final
