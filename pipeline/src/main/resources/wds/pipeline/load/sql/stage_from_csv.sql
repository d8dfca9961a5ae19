-- One staging file of validated rows (written by StagingCsvWriter) into the staging table. DuckDB
-- reads it on every core; the column types are given, nothing is sniffed. Parameter: the file.
INSERT INTO {{staging}} SELECT * FROM read_csv(?, {{csv_options}});
