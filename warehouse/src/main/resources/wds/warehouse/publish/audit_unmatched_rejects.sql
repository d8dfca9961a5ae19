-- Deliveries whose rejected rows are not the ones etl_reject lists by reason.
with delivered as (
    select source, extract, delivery_date, sum(coalesce(rows_rejected, 0)) as rejected
    from {{catalog}}.main.etl_delivery
    where coalesce(status, '') <> 'refused'
    group by all
),

listed as (
    select source, extract, delivery_date, sum("rows") as rejected
    from {{catalog}}.main.etl_reject
    group by all
),

final as (
    select coalesce(d.source, l.source) as source,
           coalesce(d.extract, l.extract) as extract,
           coalesce(d.delivery_date, l.delivery_date) as delivery_date,
           coalesce(d.rejected, 0) as in_delivery,
           coalesce(l.rejected, 0) as in_reject
    from delivered d
    full join listed l using (source, extract, delivery_date)
)

select source || '/' || extract || ' delivered ' || delivery_date
       || ': etl_delivery counts ' || in_delivery || ' rejected rows, etl_reject lists '
       || in_reject as fault
from final
where in_delivery <> in_reject
order by source, extract, delivery_date
