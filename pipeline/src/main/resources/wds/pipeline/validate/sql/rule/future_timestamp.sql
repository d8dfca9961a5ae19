-- FUTURE_DATE: a timestamp past the end of the extract date.
wds_timestamp({{value}}) >= {{extract_date}} + INTERVAL 1 DAY
