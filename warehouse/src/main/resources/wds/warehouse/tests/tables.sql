-- The tables (and views) of a catalog's main schema: which models exist, in one query.
select table_name from information_schema.tables
where table_catalog = ? and table_schema = 'main'
