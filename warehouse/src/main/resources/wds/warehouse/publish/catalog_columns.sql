-- Every column of every base table in schema main of one catalog, in table then column order.
select c.table_name,
       c.column_name,
       c.data_type,
       coalesce(c.numeric_precision, 0) as numeric_precision,
       coalesce(c.numeric_scale, 0) as numeric_scale
from information_schema.columns c
join information_schema.tables t
  on t.table_catalog = c.table_catalog
 and t.table_schema = c.table_schema
 and t.table_name = c.table_name
where c.table_catalog = ?
  and c.table_schema = 'main'
  and t.table_type = 'BASE TABLE'
order by c.table_name, c.ordinal_position
