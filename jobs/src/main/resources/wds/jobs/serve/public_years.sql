-- The years of the public feed and the latest one that is no longer provisional.
-- Parameter: the feed's Parquet file.
select min(year) as first_year,
       max(year) as last_year,
       max(year) filter (where not provisional and status is distinct from 'no_data') as complete_year
from read_parquet(?)
