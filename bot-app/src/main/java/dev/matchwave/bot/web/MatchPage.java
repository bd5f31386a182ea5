package dev.matchwave.bot.web;

import java.util.List;
import java.util.Optional;

/**
 * What a match's page shows. Immutable.
 *
 * @param ledger every rating change the match caused, admin corrections (resolutions and
 *               reversals) included, in the order they were stored
 */
public record MatchPage(long id, String state, String result, String map, String server, String found,
                        Optional<String> started, Optional<String> ended, List<Side> sides, List<LedgerLine> ledger) {

    public MatchPage {
        sides = List.copyOf(sides);
        ledger = List.copyOf(ledger);
    }

    /** A player of the match; {@code ratingAfter} from the ledger, empty while nothing was rated. */
    public record Side(String name, Optional<String> url, String side, String race, int ratingBefore,
                       Optional<Integer> ratingAfter) {
    }

    public record LedgerLine(long sequence, String player, String race, String cause, int before, int after,
                             String delta, String at) {
    }
}
