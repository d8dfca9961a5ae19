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

spans as (
    -- the years whose 31 December (shifted by the offset) the spell is active on: from its start's
    -- year to the one before its end's. Each spell is repeated for its own years, where a join of
    -- every spell with every year compared dates row by row (NIGHTLY-SPEED.md)
    select
        f.*,
        greatest(year(f.start_date) - p.year_offset, p.first_year) as first_cell_year,
        least(coalesce(year(f.end_date) - 1 - p.year_offset, p.last_year), p.last_year)
            as last_cell_year
    from {{fact}} as f
    cross join params as p
    where f.start_date is not null
),

final as (
    select
        cell_year,
        * exclude (cell_year, first_cell_year, last_cell_year),
        age_on(person_birth_date, make_date(cell_year, 12, 31)) as age_ref
    from (
        select unnest(range(first_cell_year, last_cell_year + 1))::integer as cell_year, *
        from spans
    )
)

select * from final
