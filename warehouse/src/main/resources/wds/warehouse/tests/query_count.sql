-- The rows at fault by one test query that cannot be counted with its table's other conditions
-- (the slot query, which returns one count), as the one-element list conditions.sql returns.
select [n::bigint] from (
{{query}}
) as q(n)
