-- The text columns of every table of a catalog's main schema, for the identity-number check.
select table_name, column_name
from information_schema.columns
where table_catalog = ? and table_schema = 'main' and data_type = 'VARCHAR'
order by table_name, column_name
