-- The early warnings of one year (bound), counted by kind.
select kind, count(*) as warnings
from indicator_warning
where year = ?
group by kind
order by warnings desc, kind
