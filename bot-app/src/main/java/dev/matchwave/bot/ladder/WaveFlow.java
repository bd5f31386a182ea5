package dev.matchwave.bot.ladder;

import dev.matchwave.discord.timing.FlowTimer;
import dev.matchwave.notification.dispatch.WaveFigures;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The rest of a wave's flow once its matches go to the dispatcher: the step {@value #PHASE1_SENT}
 * ends when every matched player's "match found" has been sent (or, if one never is, when the
 * dispatch settles), {@value #PHASE2_DONE} when the dispatch has settled; then the flow finishes
 * ({@code ok}, {@code undelivered} when a notification went to a mailbox, {@code error}).
 *
 * <p>Thread-safe: sends settle on any thread. Never blocks beyond the flow's listener.
 */
final class WaveFlow {

    /** The step the wave's target is held against. */
    static final String PHASE1_SENT = "phase1_sent";
    static final String PHASE2_DONE = "phase2_done";

    private final FlowTimer timer;
    private final int players;
    /** The players whose "match found" was sent: a second success for one (a retry) counts once. */
    private final java.util.Set<dev.matchwave.matchmaking.PlayerId> phase1Players = new java.util.HashSet<>();
    private boolean phase1Marked;

    private final CompletableFuture<Void> phase1Settled = new CompletableFuture<>();

    /** @param players how many "match found" the wave sends */
    WaveFlow(FlowTimer timer, int players) {
        this.timer = Objects.requireNonNull(timer, "timer");
        if (players <= 0) {
            throw new IllegalArgumentException("players must be positive, got " + players);
        }
        this.players = players;
    }

    /** One player's "match found" was sent; counted once per player. */
    synchronized void phase1Sent(dev.matchwave.matchmaking.PlayerId player) {
        if (phase1Players.add(player) && phase1Players.size() == players) {
            markPhase1();
        }
    }

    /** The dispatch settled with these figures (null when it failed). */
    synchronized void done(@Nullable WaveFigures figures) {
        if (timer.finished()) {
            return;
        }
        markPhase1();
        timer.checkpoint(PHASE2_DONE);
        timer.finish(figures == null ? "error" : figures.failures() > 0 ? "undelivered" : "ok");
    }

    private void markPhase1() {
        if (!phase1Marked) {
            phase1Marked = true;
            timer.checkpoint(PHASE1_SENT);
            phase1Settled.complete(null);
        }
    }

    /**
     * Runs {@code task} once every "match found" of the wave was sent, or the dispatch settled
     * (a failed one counts then): at once if that happened already. The task must not block.
     */
    void afterPhase1(Runnable task) {
        phase1Settled.thenRun(task);
    }
}
