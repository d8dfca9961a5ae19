-- One table of the work database the build reads, as its row count and the sum of its rows'
-- hashes (a row is hashed as a whole, the struct of its columns): any row added, removed or
-- changed moves the pair. A branch of one union all (PublishedInputs).
select {{name}} as table_name, count(*) as row_count, coalesce(sum(hash(t)), 0)::varchar as row_hashes
from {{table}} as t
