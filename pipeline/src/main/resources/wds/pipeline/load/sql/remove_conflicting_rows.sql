-- The conflicting rows leave the staging table; their keys still protect their records in full mode.
DELETE FROM {{staging}} WHERE _line IN (SELECT _line FROM {{conflicts}});
INSERT INTO {{rejected_keys}} SELECT {{key}} FROM {{conflicts}};
