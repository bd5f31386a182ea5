package com.example.store;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.pairing.Pairers;
import dev.matchwave.matchmaking.queue.QueueService;
import dev.matchwave.matchmaking.rules.SinglePoolRules;
import dev.matchwave.persistence.Database;
import dev.matchwave.persistence.DatabaseConfig;
import dev.matchwave.persistence.queue.PostgresQueueStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A queue that outlives its process: matchwave's {@link QueueService} kept in its PostgreSQL
 * store, here an embedded server whose data lives in one folder. Close it, open it again on the
 * same folder, and the players who were waiting are back ({@link #restored()}).
 */
public final class DurableQueue implements AutoCloseable {

    private final Database database;
    private final QueueService queue;

    /** Opens (or creates) the queue kept in {@code dataDirectory}. */
    public DurableQueue(Path dataDirectory) {
        database = Database.open(DatabaseConfig.embedded(dataDirectory));
        try {
            queue = QueueService.builder(SinglePoolRules.defaults(), Pairers.optimal())
                    .store(new PostgresQueueStore(database))
                    .build();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Puts a player in the queue at {@code rating}; he is on disk when this returns. */
    public void join(long player, int rating) {
        queue.join(PlayerId.of(player), List.of(SinglePoolRules.seat(rating)), Preferences.NONE);
    }

    /** The players this queue found in its store when it opened. */
    public List<Long> restored() {
        return queue.restored().stream().map(QueuedPlayer::id).map(PlayerId::value).sorted().toList();
    }

    /** How many players wait now. */
    public int size() {
        return queue.size();
    }

    @Override
    public void close() {
        try {
            queue.close();
        } finally {
            database.close();
        }
    }

    /** Joins three players, closes, opens again and prints who came back. */
    public static void main(String[] args) throws Exception {
        Path data = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("module-path-store");
        try (DurableQueue queue = new DurableQueue(data)) {
            queue.join(1, 1500);
            queue.join(2, 1520);
            queue.join(3, 1490);
            System.out.println("waiting: " + queue.size());
        }
        try (DurableQueue queue = new DurableQueue(data)) {
            System.out.println("back after a restart: " + queue.restored());
        }
    }
}
