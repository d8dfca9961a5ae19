SELECT DISTINCT area_code FROM {{staging}};
