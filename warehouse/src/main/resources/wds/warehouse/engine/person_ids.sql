-- The rows of a fact, each with an integer for its person (person_id; null for a null key): a
-- distinct-person pass groups and partitions the integer, not the 64-character person_key
-- (fact_distinct_cells.sql). The integers mean nothing outside one query.
-- The fact is read twice, not through a CTE: a CTE read twice is materialised, every column of
-- every row (1.5 s of the insurance pass's profile; NIGHTLY-SPEED.md).
with

persons as (
    select person_key, row_number() over () as person_id
    from (select distinct person_key from {{fact}})
    where person_key is not null
),

final as (
    select f.*, p.person_id
    from {{fact}} as f
    left join persons as p using (person_key)
)

select * from final
