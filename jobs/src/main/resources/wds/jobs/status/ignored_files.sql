-- Data files that lay in the drop without being listed in their manifest, never read (status
-- ignored), of the latest 14 days of deliveries: one row per file, newest first.
select source,
       delivery_date,
       file
from etl_delivery
where status = 'ignored'
  and delivery_date > (select max(delivery_date) from etl_delivery) - interval 14 day
order by delivery_date desc, source, file
limit ?
