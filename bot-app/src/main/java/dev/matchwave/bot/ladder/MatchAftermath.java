package dev.matchwave.bot.ladder;

import dev.matchwave.matchmaking.PlayerId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a match's end once its players have been told: their waiting season resets, then
 * their release to the queue. It runs on its own {@link Executor}, so the click that ended the
 * match (the second result, an abort) is answered without waiting for it; the bot passes a
 * virtual thread per match, a test {@code Runnable::run}.
 *
 * <p>A player whose aftermath is under way is held: {@link #awaitPlayer} (his next join) waits
 * for it, so he is never refused as "in a match" nor seated at his rating from before the reset.
 * Nothing of it lives only here: a process that dies first leaves the match ended in the store,
 * and the next start releases its players ({@code LadderApplication}'s reconciliation with the
 * open matches) and applies their resets ({@code Seasons.catchUp}).
 *
 * <p>Thread-safe. The map of held players is this class's state: a player is put in it by the
 * thread that ended his match, before the work is handed over, and taken out by the thread that
 * ran it, only if it still holds that same work.
 */
final class MatchAftermath {

    private static final Logger LOG = LoggerFactory.getLogger(LadderApplication.class);

    private final Executor executor;
    private final Map<PlayerId, CompletableFuture<Void>> held = new ConcurrentHashMap<>();

    MatchAftermath(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Holds {@code players} and runs {@code work} for them on the executor (here, when it refuses:
     * the application is closing). A failure of {@code work} is logged; the players are let go
     * either way.
     */
    void follow(long match, List<PlayerId> players, Runnable work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        List<CompletableFuture<Void>> earlier = new java.util.ArrayList<>();
        for (PlayerId player : players) {
            CompletableFuture<Void> before = held.put(player, done);
            if (before != null && !before.isDone()) {
                earlier.add(before); // one open match per player makes this rare (an admin's match): the later follows
            }
        }
        Runnable task = () -> {
            try {
                earlier.forEach(MatchAftermath::awaitQuietly);
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("the end of match {} could not be followed up now ({}); the next start does it", match,
                        e.toString());
            } finally {
                for (PlayerId player : players) {
                    held.remove(player, done);
                }
                done.complete(null);
            }
        };
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    /**
     * Waits, at most {@code max}, until the aftermath of this player's last match is done; returns
     * at once when there is none. Returns false when it was not done in time (the caller goes on:
     * the queue then answers as it would).
     */
    boolean awaitPlayer(PlayerId player, Duration max) {
        CompletableFuture<Void> pending = held.get(player);
        if (pending == null) {
            return true;
        }
        try {
            pending.get(max.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            LOG.warn("the end of player {}'s match was not followed up within {} ms", player, max.toMillis());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true; // never completed exceptionally; the work logs its own failure
        }
    }

    /** Waits, at most {@code max}, for every aftermath under way (a graceful stop). */
    boolean drain(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        for (CompletableFuture<Void> pending : List.copyOf(held.values())) {
            long left = deadline - System.nanoTime();
            try {
                pending.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                // logged by the work itself
            }
        }
        return true;
    }

    /** How many players are held (tests and the graceful stop's log). */
    int held() {
        return held.size();
    }

    private static void awaitQuietly(CompletableFuture<Void> earlier) {
        try {
            earlier.get(LadderApplication.DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("an earlier match end of the same player still under way: {}", e.toString());
        }
    }
}
