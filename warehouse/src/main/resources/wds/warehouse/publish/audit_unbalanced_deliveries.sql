-- Deliveries whose rows do not add up: rows_read must equal rows_loaded + rows_rejected, and no
-- count is negative (the warehouse's own counts are checked by the models' non_negative tests).
-- A refused delivery loads nothing and may leave the counts empty; where they are given they
-- must still add up.
select source || '/' || extract || ' delivered ' || delivery_date
       || ': rows_read ' || rows_read || ' <> rows_loaded ' || rows_loaded
       || ' + rows_rejected ' || rows_rejected as fault
from {{catalog}}.main.etl_delivery
where rows_read is not null
  and rows_loaded is not null
  and rows_rejected is not null
  and rows_read <> rows_loaded + rows_rejected
union all
select source || '/' || extract || ' delivered ' || delivery_date
       || ': a negative count (rows_read ' || rows_read || ', rows_loaded ' || rows_loaded
       || ', rows_rejected ' || rows_rejected || ')' as fault
from {{catalog}}.main.etl_delivery
where least(rows_read, rows_loaded, rows_rejected) < 0
order by fault
