-- One row per source: the latest delivery date among its loaded deliveries and pulls
-- (refused deliveries do not count: they brought no data).
select source, max(delivery_date) as latest_delivery
from etl_delivery
where lower(status) = 'loaded'
group by source
