-- The latest delivery of each source and extract, with its counts and, when refused, its fault.
select source,
       extract,
       delivery_date,
       status,
       rows_read,
       rows_loaded,
       rows_rejected,
       message
from etl_delivery
where status is distinct from 'ignored' -- unlisted files: their own section (ignored_files.sql)
qualify row_number() over (
    partition by source, extract
    order by delivery_date desc, finished_at desc nulls last
) = 1
order by source, extract
