-- Rejected rows by reason, over the latest delivery of each source and extract.
with latest as (
    select source, extract, max(delivery_date) as delivery_date
    from etl_reject
    group by all
)

select r.reason, sum(r."rows") as rejected
from etl_reject r
join latest using (source, extract, delivery_date)
group by r.reason
order by rejected desc, r.reason
