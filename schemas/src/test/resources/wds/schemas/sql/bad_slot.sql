SELECT {{ col-umn }} FROM t
