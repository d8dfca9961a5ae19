-- The extract date the rows of one file are checked against (a JDBC pull: its day).
INSERT INTO {{context}} VALUES (?);
