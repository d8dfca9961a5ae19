-- Whether the operational-layer table holds no row yet (a first load): then no stored record can be
-- updated or left out by a full file, and the upsert is the anti-join insert alone.
SELECT NOT EXISTS (SELECT 1 FROM {{table}});
