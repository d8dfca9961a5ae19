-- A fact as the engine reads it: the same rows and columns, but person_key replaced by a small
-- integer, one per distinct key of the fact. Counting distinct persons then hashes integers
-- instead of 64-character keys, and counts exactly the same persons (the mapping is one to one).
create or replace temp table {{table}} as
with

facts as (
    select * from {{fact}}
),

persons as (
    select person_key, (row_number() over ())::integer as person_id
    from (select distinct person_key from facts where person_key is not null)
),

final as (
    select f.* replace (p.person_id as person_key)
    from facts as f
    left join persons as p on p.person_key = f.person_key
)

select * from final
