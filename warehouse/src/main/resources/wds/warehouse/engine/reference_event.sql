-- The fact rows of one indicator part, per year: a row counts in year Y when its own year is
-- Y + year_offset (an event's date, a school year, a population year; year_offset -8 reads the
-- school year eight years back). Age is the row's own (at the event, as delivered).
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
    select y.cell_year, f.*, f.age_years as age_ref
    from years as y
    cross join params as p
    inner join facts as f on f.year = y.cell_year + p.year_offset
)

select * from final