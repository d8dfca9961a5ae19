-- The deliveries behind a report: the latest loaded delivery of each source and extract up to the
-- snapshot, with its rows loaded and rejected.
select source, extract, delivery_date, rows_loaded, rows_rejected
from etl_delivery
where status = 'loaded'
qualify row_number() over (
    partition by source, extract
    order by delivery_date desc, finished_at desc nulls last
) = 1
order by source, extract
