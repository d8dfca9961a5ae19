-- The fact rows of one indicator part, per year: a spell counts in year Y when it is active on
-- 31 December of Y (start_date <= day, and end_date empty or after the day). Age is read that day.
with

params as (
    select
        ?::integer as first_year,
        ?::integer as last_year,
        ?::integer as year_offset,
        ?::integer as window_years
),

years as (
    select unnest(range(first_year, last_year + 1))::integer as cell_year from params
),

facts as (
    select * from {{fact}}
),

final as (
    select
        y.cell_year,
        f.*,
        age_on(f.person_birth_date, make_date(y.cell_year, 12, 31)) as age_ref
    from years as y
    cross join params as p
    inner join facts as f
        on f.start_date <= make_date(y.cell_year + p.year_offset, 12, 31)
        and (f.end_date is null or f.end_date > make_date(y.cell_year + p.year_offset, 12, 31))
)

select * from final