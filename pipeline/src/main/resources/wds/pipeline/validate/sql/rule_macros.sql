-- The value grammars of sources.md as DuckDB macros, made once per connection. Each takes a
-- delivered value exactly as delivered (nothing trimmed) and gives its typed value, or null when
-- the value is not of the grammar: DuckDB's own casts are lenient (they trim blanks, take '1_000',
-- '1e3', '+020-01-01'), so a value reaches a cast only after its exact shape is checked.
-- Measured on 921,091 values (2 cores): a full-match RE2 regex 0.18 s, translate() 0.36 s,
-- try_cast alone 0.03 s; the shape regexes run only on columns of their type.

-- An empty value, or one of blanks only: null (free text, keys and identity numbers). A value
-- whose first character is printable ASCII holds a character that is no blank, so it is kept
-- without the regex; ascii() reads that code point without cutting out a one-character string as
-- v[1] did (pipeline/INGESTION-LOADING.md, "Load speed, branch load-fast").
CREATE OR REPLACE TEMP MACRO wds_unblank(v) AS
  CASE WHEN v IS NULL OR v = '' THEN NULL
       WHEN ascii(v) BETWEEN 33 AND 126 THEN v
       WHEN regexp_full_match(v, '[ \t\n\x{0B}\x{0C}\r\x{1C}-\x{1F}\x{1680}\x{2000}-\x{2006}\x{2008}-\x{200A}\x{2028}\x{2029}\x{205F}\x{3000}]*') THEN NULL
       ELSE v END;

-- A blank or a line break anywhere in a value (a space, CR, LF, a no-break or ideographic space).
CREATE OR REPLACE TEMP MACRO wds_has_blank(v) AS
  contains(v, ' ') OR contains(v, chr(10)) OR contains(v, chr(13)) OR contains(v, chr(9))
  OR (strlen(v) <> length(v)
      AND regexp_matches(v, '[\x{0B}\x{0C}\x{1C}-\x{1F}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]'));

-- yyyy-MM-dd, a real calendar date.
CREATE OR REPLACE TEMP MACRO wds_date(v) AS
  CASE WHEN strlen(v) = 10 AND regexp_full_match(v, '[0-9]{4}-[0-9]{2}-[0-9]{2}')
       THEN try_cast(v AS DATE) END;

-- yyyy-MM-dd, T or a space, HH:mm, optionally :ss, optionally a fraction of 1 to 9 digits
-- (microseconds kept, the rest cut off). The usual shape, yyyy-MM-ddTHH:mm:ss, goes through
-- strptime (0.19 s per 921,091 values against 0.38 s for the regex), which takes a leading blank
-- and reads year 0000 as 0001: those go the exact way.
CREATE OR REPLACE TEMP MACRO wds_timestamp(v) AS
  CASE WHEN strlen(v) = 19 AND v[11] = 'T' AND v[1] BETWEEN '0' AND '9' AND NOT starts_with(v, '0000')
       THEN try_strptime(v, '%Y-%m-%dT%H:%M:%S')
       WHEN regexp_full_match(v, '[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,9})?)?')
       THEN try_cast(replace(v, 't', 'T') AS TIMESTAMP) END;

-- An optional sign and 1 to 18 ASCII digits.
CREATE OR REPLACE TEMP MACRO wds_int(v) AS
  CASE WHEN regexp_full_match(v, '[+-]?[0-9]{1,18}') THEN CAST(v AS BIGINT) END;

-- An optional sign, digits and an optional point with digits; kept at DECIMAL(18,4), rounded half
-- away from zero; null past 14 digits before the point.
CREATE OR REPLACE TEMP MACRO wds_dec(v) AS
  CASE WHEN regexp_full_match(v, '[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)') THEN try_cast(v AS DECIMAL(18,4)) END;

-- A flag: Y true, N false, empty null.
CREATE OR REPLACE TEMP MACRO wds_flag(v) AS CASE v WHEN 'Y' THEN true WHEN 'N' THEN false END;
