{{column}} = IF({{updated_at}} IS NULL OR {{updated_at}} <= VALUES({{updated_at}}), VALUES({{column}}), {{column}})
