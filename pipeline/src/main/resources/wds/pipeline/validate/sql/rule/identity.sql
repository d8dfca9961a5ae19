-- BAD_ID_FORMAT or BAD_ID_CHECKSUM: an identity number the pseudonym table found no person key for.
{{value}} IS NOT NULL AND {{person_key}} IS NULL
