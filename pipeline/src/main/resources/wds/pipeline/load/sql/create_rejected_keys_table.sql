-- Keys of rows rejected from one file, as delivered: in full mode they still name live records
-- (the source holds them, only this version was bad), so their records are not deleted.
CREATE OR REPLACE TEMP TABLE {{rejected_keys}} (
  {{key_text_definitions}}
);
