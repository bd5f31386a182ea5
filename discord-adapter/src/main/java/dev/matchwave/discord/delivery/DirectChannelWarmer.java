package dev.matchwave.discord.delivery;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.time.Scheduler;
import dev.matchwave.notification.ratelimit.RateLimiter;
import dev.matchwave.notification.ratelimit.Reservation;
import dev.matchwave.notification.ratelimit.Route;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the DM channels of players who join the queue while they wait, slowly, so that the
 * wave's details cost them one request (the message) instead of two (open, then send). A first
 * wave of 200 players after a start otherwise needs 400 requests on the global budget, about
 * 9 s at 45 a second, for its phase 2.
 *
 * <p>The openings are paced by their own limiter (the bot's: 5 a second, the share of the
 * global budget the dispatcher leaves), so they never crowd out notifications. A player whose
 * channel is known, or whose opening is booked already, is skipped; a failed opening is only
 * logged (his first message opens the channel as before). At most {@link #MAX_PENDING} openings
 * wait at a time; beyond that, joins are not warmed.
 *
 * <p>Thread-safe; {@link #warm} never blocks: called on the interaction threads when a player
 * joins. The openings run on the scheduler and complete on JDA's threads.
 */
public final class DirectChannelWarmer {

    private static final Logger LOG = LoggerFactory.getLogger(DirectChannelWarmer.class);

    /** Openings booked and not done, at most. */
    public static final int MAX_PENDING = 10_000;

    private final Messenger messenger;
    private final PlayerContacts contacts;
    private final RateLimiter pace;
    private final Scheduler scheduler;
    private final Set<PlayerId> pending = ConcurrentHashMap.newKeySet();

    /**
     * @param messenger opens the channels ({@link Messenger#openDirectChannel})
     * @param contacts  where a known channel is looked up and an opened one remembered
     * @param pace      paces the openings (each books {@link Route#openDm()})
     * @param scheduler runs the openings when their turn comes
     */
    public DirectChannelWarmer(Messenger messenger, PlayerContacts contacts, RateLimiter pace, Scheduler scheduler) {
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.pace = Objects.requireNonNull(pace, "pace");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Books the opening of the player's DM channel unless it is known or booked; returns whether it booked. */
    public boolean warm(PlayerId player) {
        Objects.requireNonNull(player, "player");
        if (contacts.dmChannel(player).isPresent() || pending.size() >= MAX_PENDING || !pending.add(player)) {
            return false;
        }
        Reservation turn = pace.reserve(Route.openDm());
        scheduler.schedule(() -> open(player), turn.delay());
        return true;
    }

    /** Openings booked and not done (tests, metrics). */
    public int pending() {
        return pending.size();
    }

    private void open(PlayerId player) {
        if (contacts.dmChannel(player).isPresent()) { // learnt meanwhile (a message, a slash command in DM)
            pending.remove(player);
            return;
        }
        try {
            messenger.openDirectChannel(player).whenComplete((channel, failure) -> {
                pending.remove(player);
                if (failure != null) {
                    LOG.debug("opening the DM channel of player {} ahead failed: {}", player, failure.toString());
                } else {
                    channel.ifPresent(id -> contacts.rememberDmChannel(player, id));
                }
            });
        } catch (RuntimeException e) {
            pending.remove(player);
            LOG.debug("opening the DM channel of player {} ahead failed: {}", player, e.toString());
        }
    }
}
