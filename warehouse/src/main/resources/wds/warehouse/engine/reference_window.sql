-- The fact rows of one indicator part, per year: a row counts in year Y when it is dated in the
-- window_years years up to Y (Y-4..Y for five years). Age is re-read on 31 December of Y.
with

params as (
    select
        ?::integer as first_year,
        ?::integer as last_year,
        ?::integer as year_offset,
        ?::integer as window_years
),

spans as (
    -- the years whose window holds the row's year: from its year (less the offset) to the
    -- window's last. Each row is repeated for its own years, where a join of every row with every
    -- year compared them row by row (NIGHTLY-SPEED.md)
    select
        f.*,
        greatest(f.year - p.year_offset, p.first_year) as first_cell_year,
        least(f.year - p.year_offset + p.window_years - 1, p.last_year) as last_cell_year
    from {{fact}} as f
    cross join params as p
    where f.year is not null
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
