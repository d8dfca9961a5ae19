-- FUTURE_DATE: an event date after the extract date.
wds_date({{value}}) > {{extract_date}}
