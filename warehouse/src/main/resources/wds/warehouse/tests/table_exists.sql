-- Whether a model's table exists in the catalog's main schema.
select count(*) from information_schema.tables
where table_catalog = ? and table_schema = 'main' and table_name = ?
