-- One exemption of required_unless: the other column holds one of the listed values.
coalesce({{other}} IN ({{values}}), false)
