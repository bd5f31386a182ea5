package dev.matchwave.bot.ladder;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.match.ChannelNaming;
import dev.matchwave.matchmaking.ladder.match.MatchEvent;
import dev.matchwave.matchmaking.ladder.match.MatchListener;
import dev.matchwave.matchmaking.ladder.match.ResultPickRepository;
import dev.matchwave.matchmaking.ladder.penalty.NoShowPenalties;
import dev.matchwave.matchmaking.ladder.season.Seasons;
import dev.matchwave.matchmaking.queue.QueueService;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.TwoPhaseDispatcher;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the ladder does when a match changes (the match lifecycle's listener), in this order:
 * <ol>
 *   <li>inside the change's transaction ({@link #owe}): what the players are owed is added to
 *       the outbox, so the change and what it owes commit together; a report forgets the result
 *       pick it used;</li>
 *   <li>the live messages are refreshed (the bot's listener: it books the writers' edits and
 *       does not block);</li>
 *   <li>what the players are owed is sent through the dispatcher (a match message of a wave
 *       still being announced waits for its wave's phase 1);</li>
 *   <li>a timed-out match bars the players who were told and did not confirm, before they are
 *       released;</li>
 *   <li>a match that ended applies its players' waiting season resets, then releases them to
 *       the queue: in its {@link MatchAftermath}, so the click that ended it is answered first;
 *       their next join waits for it.</li>
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
    private final MatchAftermath aftermath;
    private final ResultPickRepository picks;
    private final Predicate<PlayerId> inOpenMatch;

    /**
     * @param noShows, {@code seasons} and {@code queue}: read at each event (they are built after
     *                 the lifecycle whose listener this is)
     * @param aftermath   where an ended match's resets and release run, after its players were told
     * @param inOpenMatch whether a player is in an open match (read when he is to be released)
     * @param picks       the players' result picks, forgotten with the report that used them
     */
    MatchEventHandling(Consumer<MatchEvent> liveRefresh, OwedNotifications owed, WavePath waves,
                       TwoPhaseDispatcher dispatcher, ChannelNaming channels,
                       Supplier<Optional<NoShowPenalties>> noShows, Supplier<Seasons> seasons,
                       Supplier<QueueService> queue, MatchAftermath aftermath, Predicate<PlayerId> inOpenMatch,
                       ResultPickRepository picks) {
        this.liveRefresh = Objects.requireNonNull(liveRefresh, "liveRefresh");
        this.owed = Objects.requireNonNull(owed, "owed");
        this.waves = Objects.requireNonNull(waves, "waves");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.noShows = Objects.requireNonNull(noShows, "noShows");
        this.seasons = Objects.requireNonNull(seasons, "seasons");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.aftermath = Objects.requireNonNull(aftermath, "aftermath");
        this.inOpenMatch = Objects.requireNonNull(inOpenMatch, "inOpenMatch");
        this.picks = Objects.requireNonNull(picks, "picks");
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
        // A report used the player's pick: it is forgotten with the report, in its transaction.
        switch (event) {
            case MatchEvent.ResultReported reported -> picks.clear(event.match().id(), reported.reporter());
            case MatchEvent.MatchCompleted completed -> forgetPicks(event);
            case MatchEvent.MatchConflict conflict -> forgetPicks(event);
            default -> { }
        }
    }

    private void forgetPicks(MatchEvent event) {
        event.match().players().forEach(player -> picks.clear(event.match().id(), player));
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
            List<PlayerId> players = event.match().players();
            long match = event.match().id().value();
            aftermath.follow(match, players, () -> followUp(match, players));
        }
    }

    /**
     * A match that spanned a season's start counted in its own season; now its players' resets
     * follow, then they are released, each unless he is in an open match again (an admin's).
     */
    private void followUp(long match, List<PlayerId> players) {
        try {
            seasons.get().matchEnded(players);
        } catch (RuntimeException e) {
            LOG.warn("the season resets of match {} could not be applied now ({}); they are at the next start",
                    match, e.toString());
        }
        for (PlayerId player : players) {
            if (!inOpenMatch.test(player)) {
                queue.get().release(player);
            }
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
