package dev.matchwave.benchmarks;

import org.jooq.DSLContext;

/**
 * The benchmarks' 100,000-row ladder: 40,000 players with a profile (five countries), and two
 * races each plus a third for every other player (100,000 ratings), played in the last 20 days.
 */
final class HundredThousandRatings {

    static final int PLAYERS = 40_000;

    private HundredThousandRatings() {
    }

    /** Fills an empty ladder database with it, analysed; checks the row count. */
    static void fill(DSLContext dsl) {
        dsl.execute("INSERT INTO players (id, user_id, battle_tag, alternative_ids, country, home_region,"
                + " banned, aborts_left, registered_at)"
                + " SELECT g, 'p' || g, 'P#' || (1000 + g), '{}', (ARRAY['DE','KR','US','FR','ZZ'])[1 + g % 5],"
                + " 'EUW', false, 3, now() FROM generate_series(1, " + PLAYERS + ") g");
        dsl.execute("INSERT INTO ratings (player_id, race, rating, deviation, volatility, games, wins, losses, draws,"
                + " last_played)"
                + " SELECT g, race, round(1000 + random() * 1000), 0, 0, 10, 5, 4, 1,"
                + " now() - random() * interval '20 days'"
                + " FROM generate_series(1, " + PLAYERS + ") g, unnest(ARRAY['bw_zerg','sc2_terran','sc2_protoss']) race"
                + " WHERE race <> 'sc2_protoss' OR g % 2 = 0");
        dsl.execute("VACUUM ANALYZE");
        Object counted = dsl.fetchValue("SELECT count(*) FROM ratings");
        long rows = counted instanceof Number n ? n.longValue() : -1;
        if (rows != 100_000) {
            throw new IllegalStateException("expected 100,000 rating rows, got " + rows);
        }
    }
}
