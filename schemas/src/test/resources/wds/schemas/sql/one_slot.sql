SELECT {{  column }} FROM {{table}} WHERE x = ?
