package dev.matchwave.matchmaking.queue;

import dev.matchwave.matchmaking.Pair;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link WaveListener} made of a wave's pairs: the pairs it could not turn into matches
 * (a database failure, say). The {@link QueueService} puts the players of those pairs back in
 * the queue with their wait kept. Immutable.
 *
 * @param notCreated pairs of the wave that did not become matches
 */
public record WaveReceipt(List<Pair> notCreated) {

    private static final WaveReceipt ALL_CREATED = new WaveReceipt(List.of());

    public WaveReceipt {
        notCreated = List.copyOf(Objects.requireNonNull(notCreated, "notCreated"));
    }

    /** Every pair became a match. */
    public static WaveReceipt allCreated() {
        return ALL_CREATED;
    }

    /** These pairs did not become matches; the others did. */
    public static WaveReceipt notCreated(Collection<Pair> pairs) {
        return new WaveReceipt(List.copyOf(pairs));
    }

    /** No pair of the wave became a match. */
    public static WaveReceipt noneCreated(Wave wave) {
        return new WaveReceipt(wave.pairs());
    }
}
