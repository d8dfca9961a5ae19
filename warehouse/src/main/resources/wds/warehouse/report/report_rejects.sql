-- Rejected rows of the deliveries behind a report, by source and reason (latest delivery of each
-- source and extract).
with

latest as (
    select source, extract, max(delivery_date) as delivery_date
    from etl_reject
    group by all
),

final as (
    select r.source, r.reason, sum(r."rows") as rejected
    from etl_reject as r
    join latest using (source, extract, delivery_date)
    group by all
)

select * from final order by source, rejected desc, reason
