-- The early warnings of the latest year, counted by kind.
select kind, count(*) as warnings
from indicator_warning
where year = (select max(year) from indicator_warning)
group by kind
order by warnings desc, kind
