-- Keys (as delivered) of the rows the rules rejected: in full mode they still name live records.
INSERT INTO {{rejected_keys}}
SELECT {{raw_key}} FROM {{staging}} j JOIN {{raw}} r USING (_line) WHERE j._rule IS NOT NULL;
