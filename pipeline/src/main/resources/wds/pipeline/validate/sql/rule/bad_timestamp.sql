-- BAD_DATE: not an ISO local date-time.
{{value}} IS NOT NULL AND wds_timestamp({{value}}) IS NULL
