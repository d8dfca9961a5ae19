-- The rows of a fact, each with an integer for its person (person_id; null for a null key): a
-- distinct-person pass groups and partitions the integer, not the 64-character person_key
-- (fact_distinct_cells.sql). The integers mean nothing outside one query.
with

facts as (
    select * from {{fact}}
),

persons as (
    select person_key, row_number() over () as person_id
    from (select distinct person_key from facts)
    where person_key is not null
),

final as (
    select f.*, p.person_id
    from facts as f
    left join persons as p using (person_key)
)

select * from final
