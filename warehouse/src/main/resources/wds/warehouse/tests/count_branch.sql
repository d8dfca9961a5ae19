-- One branch of the model tests' single statement: the counts of one table's conditions
-- (conditions.sql) or of one test query alone (query_count.sql), tagged with the branch's number
-- so the rows that come back in any order are told apart. Branches are joined by UNION ALL.
select {{branch}} as branch, * from (
{{counts}}
)
