-- Sex-by-age measures for dashboards: one row per year, area (county or township), sex, 5-year
-- age group and measure.
with

context as (
    select * from build_context
),

years as (
    select unnest(range(first_year, last_year + 1))::integer as year from context
),

rollup as (
    select * from dim_area_rollup where rollup_level in ('county', 'township')
),

ages as (
    select * from dim_age
),

population as (
    select 'population' as measure, year, area_code, sex_code, age_years, persons
    from fact_population
),

events as (
    select 'births' as measure, year, area_code, sex_code, age_years from fact_births
    union all
    select 'screenings_' || program, year, area_code, sex_code, age_years
    from fact_cancer_screenings
    union all
    select case kind when 'marriage' then 'marriages' else 'divorces' end,
        year, area_code, sex_code, age_years
    from fact_marriages
),

spell_rows as (
    select 'employed' as measure, person_key, sex_code, person_birth_date, start_date, end_date,
        area_code
    from fact_employment
    union all
    select 'insured_' || split_part(scheme, '_', 1), person_key, sex_code, person_birth_date,
        start_date, end_date, area_code
    from fact_insurance
    where scheme in ('medical_employee', 'medical_resident', 'pension_employee', 'pension_resident')
    union all
    select 'committee_members', person_key, sex_code, person_birth_date, start_date, end_date,
        area_code
    from fact_committee_members
    union all
    select 'assistance_' || case when program like 'dibao%' then 'dibao' else program end,
        person_key, sex_code, person_birth_date, start_date, end_date, area_code
    from fact_assistance
    where program <> 'temporary'
    union all
    select 'senior_titles', person_key, sex_code, person_birth_date, start_date, end_date,
        area_code
    from fact_titles
    where title_level in ('senior_full', 'senior_associate')
),

persons as (
    -- an integer for each person with a spell or a school year: the stocks below join and group
    -- integers, not 64-character keys (a key that is null stays null, one group)
    select person_key, row_number() over () as person_id
    from (
        select person_key from spell_rows
        union
        select person_key from fact_students where status in ('enrolled', 'graduated')
    )
),

spells as materialized (
    -- materialized: the person ids are joined to the spells, not to their 3.4 M year-end rows
    select s.* exclude (person_key), p.person_id, row_number() over () as spell_no
    from spell_rows as s
    left join persons as p using (person_key)
),

overlapping as (
    -- the spells whose dates overlap another spell of the person in the measure, so both may be
    -- active on one 31 December: a join of the spells on integers, not a correlated exists (which
    -- DuckDB grouped every spell for first)
    select distinct s.spell_no
    from spells as s
    inner join spells as o
        on o.measure = s.measure
        and o.person_id = s.person_id
        and o.spell_no <> s.spell_no
        and o.start_date < coalesce(s.end_date, 'infinity'::date)
        and s.start_date < coalesce(o.end_date, 'infinity'::date)
),

flagged_spells as (
    -- shared: the spell overlaps another of its person in the measure (or its person is
    -- unknown); a spell not shared gives its person one row in the measure on each day it counts
    select s.*, s.person_id is null or v.spell_no is not null as shared
    from spells as s
    left join overlapping as v using (spell_no)
),

spell_spans as (
    -- the spells not shared, counted by what their year-end rows share: a spell is active on 31
    -- December of each year from its start's to the one before its end's (started on or before
    -- the day, not ended on or before it), and on that day its person's age (age_on) is the year
    -- less the birth year. Grouped before they repeat per year: ~1 M spells, not their 3.4 M year-end rows
    select
        s.measure,
        s.area_code,
        s.sex_code,
        year(s.person_birth_date) as birth_year,
        greatest(year(s.start_date), c.first_year) as first_active,
        least(coalesce(year(s.end_date) - 1, c.last_year), c.last_year) as last_active,
        count(*) as persons
    from flagged_spells as s
    cross join context as c
    where not s.shared and s.start_date is not null
    group by all
),

span_rows as (
    select measure, unnest(range(first_active, last_active + 1))::integer as year, area_code,
        sex_code, birth_year, persons
    from spell_spans
),

span_cells as (
    select s.measure, s.year, s.area_code, s.sex_code, a.age_group, sum(s.persons) as persons
    from span_rows as s
    inner join ages as a on a.age_years = least((s.year - s.birth_year)::integer, 100)
    group by all
),

stocks as (
    -- active on 31 December: started on or before the day, not ended on or before it (the shared
    -- spells; the others are span_cells)
    select
        s.measure,
        y.year,
        s.area_code,
        s.sex_code,
        age_on(s.person_birth_date, make_date(y.year, 12, 31)) as age_years,
        s.person_id,
        s.shared
    from flagged_spells as s
    inner join years as y
        on s.start_date <= make_date(y.year, 12, 31)
        and (s.end_date is null or s.end_date > make_date(y.year, 12, 31))
    where s.shared
    union all
    select 'students', f.year, f.area_code, f.sex_code, f.age_years, p.person_id,
        -- shared: two school-year rows of the person (or an unknown person)
        p.person_id is null or count(*) over (partition by f.year, p.person_id) > 1
    from fact_students as f
    left join persons as p using (person_key)
    where f.status in ('enrolled', 'graduated')
),

population_cells as (
    select p.measure, p.year, r.rollup_area_code as area_code, r.rollup_level as area_level,
        p.sex_code, a.age_group, sum(p.persons)::double as value
    from population as p
    inner join rollup as r using (area_code)
    inner join ages as a on a.age_years = least(p.age_years, 100)
    group by all
),

event_cells as (
    -- events count records
    select e.measure, e.year, r.rollup_area_code as area_code, r.rollup_level as area_level,
        e.sex_code, a.age_group, count(*)::double as value
    from events as e
    inner join rollup as r using (area_code)
    inner join ages as a on a.age_years = least(e.age_years, 100)
    group by all
),

stock_rows as (
    -- the shared spells' year-end rows and the school years, with their age group. A school year
    -- not shared is its person's one row in the measure that year, so it is counted per area and
    -- rolled up after, without distinct rows
    select s.measure, s.year, s.area_code, s.sex_code, a.age_group, s.person_id, s.shared
    from stocks as s
    inner join ages as a on a.age_years = least(s.age_years, 100)
),

single_cells as (
    -- a row not shared counts once in each cell of its area's roll-up (distinct: an area listed
    -- twice in the roll-up must not count a person twice)
    select s.measure, s.year, r.rollup_area_code as area_code, r.rollup_level as area_level,
        s.sex_code, s.age_group, sum(s.persons) as value
    from (
        select measure, year, area_code, sex_code, age_group, sum(persons) as persons
        from (
            select measure, year, area_code, sex_code, age_group, count(*) as persons
            from stock_rows
            where not shared
            group by all
            union all
            select * from span_cells
        )
        group by all
    ) as s
    inner join (select distinct * from rollup) as r using (area_code)
    group by all
),

shared_cells as (
    -- the persons of shared rows count once in each cell one of their rows belongs to: distinct
    -- rows then count(*), not count(distinct): DuckDB spills a grouping to disk, not a distinct
    -- aggregate's state (warehouse/NIGHTLY-SPEED.md)
    select measure, year, rollup_area_code as area_code, rollup_level as area_level, sex_code,
        age_group, count(*) as value
    from (
        select distinct s.measure, s.year, r.rollup_area_code, r.rollup_level, s.sex_code,
            s.age_group, s.person_id
        from stock_rows as s
        inner join rollup as r using (area_code)
        where s.shared
    )
    group by all
),

stock_cells as (
    select measure, year, area_code, area_level, sex_code, age_group, sum(value)::double as value
    from (
        select * from single_cells
        union all by name
        select * from shared_cells
    )
    group by all
),

final as (
    select year, area_code, area_level, sex_code, age_group, measure, value
    from (
        select * from population_cells
        union all by name
        select * from event_cells
        union all by name
        select * from stock_cells
    )
    where year between (select first_year from context) and (select last_year from context)
)

select * from final
