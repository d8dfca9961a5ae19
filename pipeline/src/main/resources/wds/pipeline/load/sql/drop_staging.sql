DROP TABLE IF EXISTS {{staging}};
DROP TABLE IF EXISTS {{rejected_keys}};
DROP TABLE IF EXISTS {{conflicts}};
