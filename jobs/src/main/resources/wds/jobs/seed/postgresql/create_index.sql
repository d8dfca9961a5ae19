CREATE INDEX IF NOT EXISTS {{index}} ON {{table}} ({{updated_at}})
