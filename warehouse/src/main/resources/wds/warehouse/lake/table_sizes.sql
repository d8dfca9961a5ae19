-- DuckDB's estimate of the rows of every base table in schema main of one catalog: the lake
-- writes the largest first. Named by catalog, so a table of the same name in another attached
-- database does not change the order.
select table_name, estimated_size
from duckdb_tables()
where database_name = ?
  and schema_name = 'main'
  and not temporary
