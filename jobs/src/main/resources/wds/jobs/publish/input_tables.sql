-- The tables of the work database a build reads: the operational layer and the load audit.
select table_name
from information_schema.tables
where table_catalog = current_database()
  and table_schema = 'main'
  and table_type = 'BASE TABLE'
  and (table_name like 'ods\_%' escape '\' or table_name like 'etl\_%' escape '\')
order by table_name
