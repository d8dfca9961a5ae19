-- The raw, judged and key tables of one file, once its valid rows are staged.
DROP TABLE IF EXISTS {{raw}};
DROP TABLE IF EXISTS {{judged}};
DROP TABLE IF EXISTS {{pseudonyms}};
DROP TABLE IF EXISTS {{texts}};
