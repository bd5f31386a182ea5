package dev.matchwave.bot.ladder;

import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.queue.Wave;
import dev.matchwave.notification.dispatch.WaveFigures;
import java.util.List;

/**
 * Sees each wave of a {@link LadderApplication}: when its matches are created, and when their
 * notifications are settled. For reports and tests (the offline demo collects its figures here);
 * the bot's own log lines and metrics do not depend on it.
 *
 * <p>Called on the ladder's scheduler threads (the wave's, then the dispatcher's); must not block
 * and must be thread-safe. An exception it throws is logged and otherwise ignored.
 */
public interface WaveObserver {

    /** Observes nothing. */
    WaveObserver NONE = new WaveObserver() {
    };

    /**
     * A wave ran and its matches are in the database.
     *
     * @param wave    the wave as the queue ran it
     * @param created the matches created from its pairs, in the pairs' order (fewer when some
     *                could not be created; those players went back to the queue)
     */
    default void waveRun(Wave wave, List<Match> created) {
    }

    /**
     * Every "match found" and every match message of the wave is sent, retried to the end, or
     * kept in a mailbox. Not called for a wave without matches.
     *
     * @param wave    the wave
     * @param figures what the dispatcher measured (latencies from the start of dispatch)
     */
    default void waveNotified(Wave wave, WaveFigures figures) {
    }

    /** This observer, then {@code next} (each one's exception is logged by the ladder and stops the rest). */
    default WaveObserver andThen(WaveObserver next) {
        java.util.Objects.requireNonNull(next, "next");
        WaveObserver first = this;
        return new WaveObserver() {
            @Override
            public void waveRun(Wave wave, List<Match> created) {
                first.waveRun(wave, created);
                next.waveRun(wave, created);
            }

            @Override
            public void waveNotified(Wave wave, WaveFigures figures) {
                first.waveNotified(wave, figures);
                next.waveNotified(wave, figures);
            }
        };
    }
}
