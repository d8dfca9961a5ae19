-- The keys of one file's distinct identity numbers (person key, birth date and sex; null key: the
-- number is not valid) and of its pseudonymised text, read from the files Java wrote.
CREATE OR REPLACE TEMP TABLE {{pseudonyms}} AS
SELECT * FROM read_csv(?, header = false, auto_detect = false, quote = '"', escape = '"', allow_quoted_nulls = false,
  columns = {'value': 'VARCHAR', 'person_key': 'VARCHAR', 'birth_date': 'DATE', 'sex': 'VARCHAR'});
CREATE OR REPLACE TEMP TABLE {{texts}} AS
SELECT * FROM read_csv(?, header = false, auto_detect = false, quote = '"', escape = '"', allow_quoted_nulls = false,
  columns = {'value': 'VARCHAR', 'person_key': 'VARCHAR'});
