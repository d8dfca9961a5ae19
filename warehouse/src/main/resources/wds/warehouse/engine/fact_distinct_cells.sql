-- Every distinct-count part that reads one fact under one reference rule and counts the same
-- thing (persons, or the values of one expression), aggregated in one pass: one row per year,
-- area (county or township), residence and sex, with each part's number of distinct values among
-- the rows meeting its condition (amount_<i>) and those rows (records_<i>), and at county level
-- (residence all, sex 0) the number of rows in the year whatever the condition (base: zero means
-- the sources had nothing for it). grouped_residence and grouped_sex say which grouping set a row
-- comes from (1: the set leaves that column out), so each part keeps only the sets its indicator
-- reports. The columns are fact_cells.sql's.
-- The rules are part_cells.sql's, whose count(distinct) this equals in every cell: a value counts
-- once in each cell where one of its rows meets the part's condition, a null value nowhere.
-- The years are bits: the rows are grouped by value and place (area, residence and sex, as an
-- integer), each part's condition kept as the set of years in which one of the value's rows there
-- meets it (meets_<i>: bit k for the year first_year + 62 * chunk + k; 62 bits of a BIGINT, its
-- sign bit left alone, and a build of more years has more chunks), where grouping by year, value
-- and place held one row per value and year (1.75 M for the 3.3 M spell-years of insurance,
-- against 0.29 M; NIGHTLY-SPEED.md). Most values (a person) have one place in a chunk: they are
-- counted from that row per year and place, and rolled up (alone_cells); only the others are
-- grouped by cell and value, their bits or-ed (several_cells). These are groupings, which DuckDB
-- spills to disk, not distinct aggregates, whose state it keeps in memory. Distinct persons are
-- counted by an integer per person (person_ids.sql), given to the fact's rows before they are
-- repeated per year.
with

rollup as (
    select * from dim_area_rollup where rollup_level in ('county', 'township')
),

places as materialized (
    -- an integer per area, residence and sex of the fact's rows in an area with cells (read twice:
    -- materialised, so that both readers see the same numbering)
    select area_code, residence, sex_code, row_number() over () as place_id
    from (
        select distinct area_code, residence, sex_code
        from {{fact}}
        where area_code in (select area_code from rollup)
    )
),

keyed as materialized (
    -- the fact's rows, with person_id when the pass counts persons, and place_id (null outside the
    -- areas with cells)
    select k.*, p.place_id
    from ({{keyed}}) as k
    left join places as p
        on k.area_code = p.area_code
        and k.residence is not distinct from p.residence
        and k.sex_code is not distinct from p.sex_code
),

part as (
    -- the fact's rows per year, by the reference-day rule (reference_*.sql)
    {{rows}}
),

marked as materialized (
    -- the rows in areas with cells, each with its value, its place and whether it meets each
    -- part's condition (c_<i>): read twice, by the counts and by the values, and narrow, where
    -- every column of the 3.3 M spell-years of insurance, materialised, cost more than forming
    -- them twice (NIGHTLY-SPEED.md)
    select cell_year, {{counted}} as counted, place_id,
        {{conditions}}
    from part
    where place_id is not null
),

area_rows as (
    -- the rows per year and area (with residence and sex), and those meeting each part's
    -- condition: counts add up, so the cells sum these over the roll-up rather than place rows
    select p.area_code, p.residence, p.sex_code, a.*
    from (
        select
            cell_year,
            place_id,
            count(*) as area_rows,
            {{records}}
        from marked
        group by cell_year, place_id
    ) as a
    inner join places as p using (place_id)
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

value_places as (
    -- one row per value, place and chunk of 62 years, with each part's flags: bit k of meets_<i>
    -- says that some row of the value there in year first_year + 62 * chunk + k meets the part's
    -- condition
    select counted, place_id, chunk,
        {{flags}}
    from (
        select
            *,
            (cell_year - {{first_year}}) // 62 as chunk,
            1::bigint << ((cell_year - {{first_year}}) % 62) as year_bit
        from marked
    )
    where counted is not null
    group by counted, place_id, chunk
),

chunk_years as (
    -- the build's years, each with its chunk of 62 years and its bit in the chunk: a value's row
    -- per chunk is repeated for the chunk's years by joining these
    select
        cell_year,
        (cell_year - {{first_year}}) // 62 as chunk,
        (cell_year - {{first_year}}) % 62 as bit
    from (select unnest(range({{first_year}}, {{last_year}} + 1))::integer as cell_year)
),

value_places_counted as (
    -- alone: the value has this one place in the chunk's years
    select *, count(*) over (partition by counted, chunk) = 1 as alone
    from value_places
),

alone_areas as (
    -- the values alone in their place, counted per year and area (with residence and sex)
    select
        cell_year,
        area_code,
        residence,
        sex_code,
        {{counts}}
    from value_places_counted
    inner join chunk_years using (chunk)
    inner join places using (place_id)
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
    -- the other values: one row per cell, value and chunk, the flags of its places in the cell
    -- or-ed, as part_cells.sql's count(distinct) sees them
    select
        chunk,
        cell_area,
        cell_level,
        {{residence}} as residence,
        {{sex}} as sex,
        {{grouped_residence}} as grouped_residence,
        {{grouped_sex}} as grouped_sex,
        {{flags_again}}
    from (
        select v.*, p.area_code, p.residence, p.sex_code,
            r.rollup_area_code as cell_area, r.rollup_level as cell_level
        from value_places_counted as v
        inner join places as p using (place_id)
        inner join rollup as r on r.area_code = p.area_code
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
    inner join chunk_years using (chunk)
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
