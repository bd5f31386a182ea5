package dev.matchwave.matchmaking.queue;

import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.queue.store.EntryKey;
import dev.matchwave.matchmaking.queue.store.StoredEntry;

import java.time.Instant;
import java.util.Optional;

import java.util.List;

/**
 * One stay in the queue. {@code sequence} orders entries by join (a player who leaves and joins
 * again gets a new one, so a wave can tell him apart from the entry it paired). Not
 * thread-safe: owned by the {@link QueueService} lock.
 */
final class QueueEntry {

    QueuedPlayer player;
    final long sequence;
    final long deadlineMillis;
    final String sidesKey;
    /** The front end's opaque contact for this entry (the bot's searching message), once attached. */
    Optional<String> contact = Optional.empty();

    QueueEntry(QueuedPlayer player, long sequence, long deadlineMillis) {
        this.player = player;
        this.sequence = sequence;
        this.deadlineMillis = deadlineMillis;
        this.sidesKey = sidesKey(player.seats());
    }

    EntryKey key() {
        return new EntryKey(player.id(), sequence);
    }

    StoredEntry stored() {
        return new StoredEntry(player, sequence, Instant.ofEpochMilli(deadlineMillis), contact);
    }

    /** The sides a player offers, sorted and joined with '+': "bw", "sc2", "bw+sc2". */
    static String sidesKey(List<Seat> seats) {
        if (seats.size() == 1) {
            return seats.get(0).side();
        }
        return String.join("+", seats.stream().map(Seat::side).sorted().toList());
    }
}
