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
    -- an integer for each person with a spell or a school year: the stocks below group and
    -- partition integers, not 64-character keys (a key that is null stays null, one group)
    select person_key, row_number() over () as person_id
    from (
        select person_key from spell_rows
        union
        select person_key from fact_students where status in ('enrolled', 'graduated')
    )
),

spells as materialized (
    -- materialized: the person ids are joined to the spells, not to their 3.4 M year-end rows
    select s.* exclude (person_key), p.person_id
    from spell_rows as s
    left join persons as p using (person_key)
),

stocks as (
    -- active on 31 December: started on or before the day, not ended on or before it
    select
        s.measure,
        y.year,
        s.area_code,
        s.sex_code,
        age_on(s.person_birth_date, make_date(y.year, 12, 31)) as age_years,
        s.person_id
    from spells as s
    inner join years as y
        on s.start_date <= make_date(y.year, 12, 31)
        and (s.end_date is null or s.end_date > make_date(y.year, 12, 31))
    union all
    select 'students', f.year, f.area_code, f.sex_code, f.age_years, p.person_id
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
    -- the stocks with their age group
    select s.measure, s.year, s.area_code, s.sex_code, a.age_group, s.person_id
    from stocks as s
    inner join ages as a on a.age_years = least(s.age_years, 100)
),

stock_people as (
    -- alone: the person has one row in the measure that year, so one area, sex and age group.
    -- Nearly every person is (all but a few hundred of the default county's 3.8 M person-years):
    -- their cells are counted per area and rolled up after, without a distinct over 7 M rows
    select *, count(*) over (partition by measure, year, person_id) = 1 as alone
    from stock_rows
),

alone_cells as (
    -- a person alone in an area counts once in each cell of the area's roll-up (distinct: an area
    -- listed twice in the roll-up must not count a person twice)
    select s.measure, s.year, r.rollup_area_code as area_code, r.rollup_level as area_level,
        s.sex_code, s.age_group, sum(s.persons) as value
    from (
        select measure, year, area_code, sex_code, age_group, count(*) as persons
        from stock_people
        where alone
        group by all
    ) as s
    inner join (select distinct * from rollup) as r using (area_code)
    group by all
),

several_cells as (
    -- the other persons count once in each cell one of their rows belongs to: distinct rows then
    -- count(*), not count(distinct): DuckDB spills a grouping to disk, not a distinct
    -- aggregate's state (warehouse/NIGHTLY-SPEED.md)
    select measure, year, rollup_area_code as area_code, rollup_level as area_level, sex_code,
        age_group, count(*) as value
    from (
        select distinct s.measure, s.year, r.rollup_area_code, r.rollup_level, s.sex_code,
            s.age_group, s.person_id
        from stock_people as s
        inner join rollup as r using (area_code)
        where not s.alone
    )
    group by all
),

stock_cells as (
    select measure, year, area_code, area_level, sex_code, age_group, sum(value)::double as value
    from (
        select * from alone_cells
        union all by name
        select * from several_cells
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
