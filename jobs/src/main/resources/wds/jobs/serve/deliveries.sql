-- The deliveries of the last 30 nights (by delivery date, counted back from the latest), one row
-- per file or pull, with its rejects by reason as text. Ignored (unlisted) files are left out.
with

latest as (
    select max(delivery_date) as day from etl_delivery
),

rejects as (
    select source, extract, delivery_date,
           string_agg(reason || ' ' || rows, '、' order by rows desc, reason) as by_reason
    from etl_reject
    group by source, extract, delivery_date
),

final as (
    select d.source,
           d.extract,
           d.delivery_date,
           d.status,
           d.rows_read,
           d.rows_loaded,
           d.rows_rejected,
           r.by_reason,
           d.message,
           d.finished_at
    from etl_delivery as d
    cross join latest as l
    left join rejects as r using (source, extract, delivery_date)
    where d.status is distinct from 'ignored'
      and d.delivery_date > l.day - interval 30 day
)

select * from final order by source, delivery_date desc, extract
