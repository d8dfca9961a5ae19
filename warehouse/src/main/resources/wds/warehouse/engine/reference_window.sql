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
        on f.year between y.cell_year + p.year_offset - p.window_years + 1
        and y.cell_year + p.year_offset
)

select * from final