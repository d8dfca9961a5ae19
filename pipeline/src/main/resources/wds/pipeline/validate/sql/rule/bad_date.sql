-- BAD_DATE: not an ISO date of the calendar.
{{value}} IS NOT NULL AND wds_date({{value}}) IS NULL
