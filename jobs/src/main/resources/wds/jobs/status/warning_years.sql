-- The years with early warnings from the first provisional year (bound) on: shown apart, 暂定.
select distinct year
from indicator_warning
where year >= ?
order by year
