-- Issue 17: the map pool is per season. A season's maps in draw order; empty: the pool the
-- ladder's rules were configured with. A plan's empty pool means the pool of the season it
-- closes, taken when it starts.
ALTER TABLE seasons ADD COLUMN map_pool TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE season_plans ADD COLUMN map_pool TEXT[] NOT NULL DEFAULT '{}';
