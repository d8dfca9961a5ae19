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

spells as (
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

stocks as (
    -- active on 31 December: started on or before the day, not ended on or before it
    select
        s.measure,
        y.year,
        s.area_code,
        s.sex_code,
        age_on(s.person_birth_date, make_date(y.year, 12, 31)) as age_years,
        s.person_key
    from spells as s
    inner join years as y
        on s.start_date <= make_date(y.year, 12, 31)
        and (s.end_date is null or s.end_date > make_date(y.year, 12, 31))
    union all
    select 'students', year, area_code, sex_code, age_years, person_key
    from fact_students
    where status in ('enrolled', 'graduated')
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

stock_persons as (
    -- one row per person and cell at the fact's own area (a person with two spells of a measure
    -- active on the day counts once)
    select distinct measure, year, area_code, sex_code, least(age_years, 100) as age_years,
        person_key
    from stocks
),

stock_cells as (
    -- stocks count distinct persons, once in each cell they belong to: a township's cell counts
    -- the persons of its own areas, the county's the persons of all of them. Distinct rows then
    -- count(*), not count(distinct): DuckDB spills a grouping to disk, not a distinct aggregate's
    -- state, and the default county's year-end stocks (3.8 M person-years) ran out of a 1 GB
    -- memory_limit that way (warehouse/NIGHTLY-SPEED.md)
    select measure, year, rollup_area_code as area_code, rollup_level as area_level, sex_code,
        age_group, count(*)::double as value
    from (
        select distinct s.measure, s.year, r.rollup_area_code, r.rollup_level, s.sex_code,
            a.age_group, s.person_key
        from stock_persons as s
        inner join rollup as r using (area_code)
        inner join ages as a using (age_years)
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
