-- The warnings of the latest year that call for action: targets missed now or by the plan's end.
select year, indicator_code, area_code, kind, message
from indicator_warning
where year = (select max(year) from indicator_warning)
  and kind in ('not_met', 'projected_miss')
order by kind, indicator_code, area_code
