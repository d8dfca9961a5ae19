-- The rejected rows of one file in line order, with the rule that rejected each and its raw values
-- (for the quarantine and the words of its detail).
SELECT j._line, j._rule, r.* EXCLUDE (_line)
FROM {{staging}} j JOIN {{raw}} r USING (_line)
WHERE j._rule IS NOT NULL
ORDER BY j._line;
