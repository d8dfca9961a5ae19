-- What a file's rows are checked against beyond their schema: the extract date, the known area
-- codes and the indicator catalogue (filled by the validator).
CREATE OR REPLACE TEMP TABLE {{context}} (extract_date DATE NOT NULL);
CREATE OR REPLACE TEMP TABLE {{areas}} (code VARCHAR NOT NULL);
CREATE OR REPLACE TEMP TABLE {{indicator_codes}} (code VARCHAR NOT NULL);
