package dev.matchwave.bot.ladder;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.match.ChannelNaming;
import dev.matchwave.matchmaking.ladder.match.MatchEvent;
import dev.matchwave.matchmaking.ladder.match.MatchListener;
import dev.matchwave.matchmaking.ladder.penalty.NoShowPenalties;
import dev.matchwave.matchmaking.ladder.season.Seasons;
import dev.matchwave.matchmaking.queue.QueueService;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.TwoPhaseDispatcher;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the ladder does when a match changes (the match lifecycle's listener), in this order:
 * <ol>
 *   <li>inside the change's transaction ({@link #owe}): what the players are owed is added to
 *       the outbox, so the change and what it owes commit together;</li>
 *   <li>the live messages are refreshed (the bot's listener: it books the writers' edits and
 *       does not block);</li>
 *   <li>what the players are owed is sent through the dispatcher (a match message of a wave
 *       still being announced waits for its wave's phase 1);</li>
 *   <li>a timed-out match bars the players who were told and did not confirm, before they are
 *       released;</li>
 *   <li>a match that ended applies its players' waiting season resets, then releases them to
 *       the queue.</li>
 * </ol>
 * Runs on the thread that changed the match, under the match's lock; blocks on the database.
 * Logs as the ladder ({@code LadderApplication}'s logger).
 */
final class MatchEventHandling implements MatchListener {

    private static final Logger LOG = LoggerFactory.getLogger(LadderApplication.class);

    private final Consumer<MatchEvent> liveRefresh;
    private final OwedNotifications owed;
    private final WavePath waves;
    private final TwoPhaseDispatcher dispatcher;
    private final ChannelNaming channels;
    private final Supplier<Optional<NoShowPenalties>> noShows;
    private final Supplier<Seasons> seasons;
    private final Supplier<QueueService> queue;

    /**
     * @param noShows, {@code seasons} and {@code queue}: read at each event (they are built after
     *                 the lifecycle whose listener this is)
     */
    MatchEventHandling(Consumer<MatchEvent> liveRefresh, OwedNotifications owed, WavePath waves,
                       TwoPhaseDispatcher dispatcher, ChannelNaming channels,
                       Supplier<Optional<NoShowPenalties>> noShows, Supplier<Seasons> seasons,
                       Supplier<QueueService> queue) {
        this.liveRefresh = Objects.requireNonNull(liveRefresh, "liveRefresh");
        this.owed = Objects.requireNonNull(owed, "owed");
        this.waves = Objects.requireNonNull(waves, "waves");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.noShows = Objects.requireNonNull(noShows, "noShows");
        this.seasons = Objects.requireNonNull(seasons, "seasons");
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    /**
     * Inside the change's transaction: what the players are owed is added to the outbox with it.
     * The rows hold no names, so none is read here (a read would take a second connection while
     * the transaction holds one): the messages are made with {@link #UNREAD_NAME}, and made
     * again with the names after the commit.
     */
    @Override
    public void owe(MatchEvent event) {
        owed.oweInTransaction(event, LadderNotifications.of(event, UNREAD_NAME, channels));
    }

    /** A player's name where none is read: his id. */
    static final java.util.function.Function<PlayerId, String> UNREAD_NAME = player -> "player " + player.value();

    @Override
    public void on(MatchEvent event) {
        try {
            liveRefresh.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("the match event listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
        }
        // Owed in the change's own transaction; a reminder (no change of its own) is owed now.
        List<Notification> toSend = owed.owedInTransaction(event,
                LadderNotifications.of(event, waves::nameOf, channels));
        for (Notification notification : toSend) {
            waves.send(notification, dispatcher);
        }
        if (event instanceof MatchEvent.MatchTimedOut timedOut) {
            // Before the players are released: a player barred now cannot slip back into the queue.
            penalise(timedOut);
        }
        if (event.endsMatch()) {
            // A match that spanned a season's start counted in its own season; now its players'
            // resets follow, before they may queue again.
            try {
                seasons.get().matchEnded(event.match().players());
            } catch (RuntimeException e) {
                LOG.warn("the season resets of match {} could not be applied now ({}); they are at the next start",
                        event.match().id().value(), e.toString());
            }
            event.match().players().forEach(queue.get()::release);
        }
    }

    /**
     * The no-show penalty: each player who did not confirm, and whose "match found" Discord had
     * accepted, has a timeout recorded (a player never told could not confirm). Blocks on the
     * database; a failure is logged and costs the player nothing.
     */
    private void penalise(MatchEvent.MatchTimedOut timedOut) {
        Optional<NoShowPenalties> penalties = noShows.get();
        if (penalties.isEmpty()) {
            return;
        }
        long match = timedOut.match().id().value();
        for (PlayerId player : timedOut.unconfirmed()) {
            if (!owed.matchFoundDelivered(match, player)) {
                LOG.info("match {} timed out: player {} was never told \"match found\", no penalty", match, player);
                continue;
            }
            try {
                penalties.get().timedOut(player, timedOut.match().id(), timedOut.at()).ifPresent(bar -> LOG.info(
                        "player {} barred from the queue until {} ({} unconfirmed matches, repeat {})", player,
                        bar.until(), bar.timeouts(), bar.repeat()));
            } catch (RuntimeException e) {
                LOG.warn("the timeout of player {} in match {} could not be recorded: {}", player, match, e.toString());
            }
        }
    }
}
