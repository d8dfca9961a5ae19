-- Every area code the warehouse knows, tombstoned ones included: old records may name an area
-- that has since been merged away.
SELECT area_code FROM ods_population__areas;
