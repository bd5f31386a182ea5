package dev.matchwave.matchmaking.ladder.rating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds ratings from the ledger: starting from nothing, each entry must start where the
 * previous entry of its (player, race) ended (or from a fresh rating) and leaves its
 * {@code after}. Used to check a store ({@link #verify}) and to rebuild a rating table.
 * Stateless and thread-safe.
 */
public final class LedgerReplay {

    private LedgerReplay() {
    }

    /**
     * The ratings the entries lead to.
     *
     * @param entries in sequence order
     * @throws IllegalStateException naming the first entry that does not start where its
     *         (player, race) stood
     */
    public static Map<RatingKey, PlayerRating> replay(Iterable<LedgerEntry> entries) {
        Map<RatingKey, PlayerRating> state = new TreeMap<>();
        for (LedgerEntry entry : entries) {
            RatingKey key = RatingKey.of(entry.before());
            PlayerRating current = state.get(key);
            boolean continues = current == null ? entry.before().isFresh() : current.equals(entry.before());
            if (!continues) {
                throw new IllegalStateException("ledger entry " + entry.sequence() + " of " + key
                        + " starts from " + entry.before() + " but the rating stood at " + current);
            }
            state.put(key, entry.after());
        }
        return state;
    }

    /** Replays the whole ledger of {@code repository}, in pages of {@code pageSize}. */
    public static Map<RatingKey, PlayerRating> replay(RatingRepository repository, int pageSize) {
        List<LedgerEntry> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<LedgerEntry> page = repository.ledger(after, pageSize);
            if (page.isEmpty()) {
                return replay(all);
            }
            all.addAll(page);
            after = page.get(page.size() - 1).sequence();
        }
    }

    /**
     * The differences between the stored ratings and the replayed ledger, one line each; empty
     * when they agree.
     */
    public static List<String> verify(RatingRepository repository) {
        Map<RatingKey, PlayerRating> replayed;
        try {
            replayed = replay(repository, 1000);
        } catch (IllegalStateException broken) {
            return List.of(broken.getMessage());
        }
        Map<RatingKey, PlayerRating> stored = new HashMap<>();
        for (PlayerRating rating : repository.all()) {
            stored.put(RatingKey.of(rating), rating);
        }
        List<String> differences = new ArrayList<>();
        for (Map.Entry<RatingKey, PlayerRating> e : replayed.entrySet()) {
            PlayerRating s = stored.get(e.getKey());
            if (!e.getValue().equals(s)) {
                differences.add(e.getKey() + ": ledger gives " + e.getValue() + ", stored " + s);
            }
        }
        for (RatingKey key : stored.keySet()) {
            if (!replayed.containsKey(key)) {
                differences.add(key + ": stored " + stored.get(key) + " without a ledger entry");
            }
        }
        return differences;
    }
}
