SELECT _line FROM {{conflicts}} ORDER BY _line;
