-- The raw and key tables of one file, once its valid rows are staged (the judged table is the
-- staging table: it stays for the merge).
DROP VIEW IF EXISTS {{raw}};
DROP TABLE IF EXISTS {{raw_direct}};
DROP TABLE IF EXISTS {{raw_java}};
DROP TABLE IF EXISTS {{shifts}};
DROP TABLE IF EXISTS {{pseudonyms}};
DROP TABLE IF EXISTS {{texts}};
