package dev.matchwave.bot.ladder;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.match.ChannelNaming;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchEvent;
import dev.matchwave.matchmaking.ladder.match.MatchResult;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.notification.ConfirmReminder;
import dev.matchwave.notification.MatchAborted;
import dev.matchwave.notification.MatchCompleted;
import dev.matchwave.notification.MatchConflict;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchInfo;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.Participant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who is told what about a match: pure functions from the lifecycle's {@link MatchEvent}s to
 * notification-core's {@link Notification}s. Stateless and thread-safe.
 *
 * <p>A wave's {@code MatchFound} goes through the two-phase dispatcher as a whole (see
 * {@link #matchInfo}), so {@link #of} gives nothing for it; nor for the events only the player
 * who acted needs to see (his confirm, his first abort press, a report), which his own
 * interaction answers.
 */
public final class LadderNotifications {

    private LadderNotifications() {
    }

    /**
     * The dispatcher's view of a new match.
     *
     * @param names    a player's name as his opponent sees it (his ladder user id)
     * @param channels the in-game channel of a match
     */
    public static MatchInfo matchInfo(Match match, Function<PlayerId, String> names, ChannelNaming channels) {
        var p1 = match.player1();
        var p2 = match.player2();
        return new MatchInfo(match.id().value(),
                new Participant(p1.player(), names.apply(p1.player()), p1.race()),
                new Participant(p2.player(), names.apply(p2.player()), p2.race()),
                match.setup().map(), match.setup().server(), channels.channelFor(match.id()));
    }

    /**
     * As {@link #of(MatchEvent)}; when the first player reports ({@link MatchEvent.ResultReported})
     * a {@link MatchDetails} for the opponent, whose match message then says his opponent has
     * reported; and when both players have confirmed ({@link MatchEvent.MatchStarted})
     * a {@link MatchDetails} for each: the sink edits the match message sent at wave time, which
     * showed only the opponent and the confirmations, to show the map, the server, the channel,
     * the contact names and the result controls (docs/notifications.md, "Details after both confirm").
     */
    public static List<Notification> of(MatchEvent event, Function<PlayerId, String> names, ChannelNaming channels) {
        if (event instanceof MatchEvent.MatchStarted started) {
            MatchInfo info = matchInfo(started.match(), names, channels);
            return started.match().players().stream().<Notification>map(p -> new MatchDetails(p, info)).toList();
        }
        if (event instanceof MatchEvent.ResultReported reported) {
            // docs/reference-ladder.md: when the first player reports, the opponent is told. His match message is
            // edited to say so (it is rendered from the stored match, which holds the report).
            PlayerId opponent = reported.match().opponentOf(reported.reporter());
            return List.of(new MatchDetails(opponent, matchInfo(reported.match(), names, channels)));
        }
        return of(event);
    }

    /**
     * The single notifications an event causes, in order; empty for most events, and for
     * {@link MatchEvent.MatchStarted} (see {@link #of(MatchEvent, Function, ChannelNaming)}).
     */
    public static List<Notification> of(MatchEvent event) {
        Match match = event.match();
        long id = match.id().value();
        List<Notification> out = new ArrayList<>();
        switch (event) {
            case MatchEvent.ConfirmReminder reminder -> reminder.waitingFor()
                    .forEach(p -> out.add(new ConfirmReminder(p, id, match.confirmDeadline())));
            case MatchEvent.MatchAborted aborted -> {
                for (PlayerId p : match.players()) {
                    out.add(new MatchAborted(p, id, p.equals(aborted.aborter())
                            ? "you aborted it (" + aborted.abortsLeft() + " aborts left)"
                            : "your opponent aborted it; you may queue again"));
                }
            }
            case MatchEvent.MatchTimedOut timedOut -> {
                for (PlayerId p : match.players()) {
                    out.add(new MatchAborted(p, id, timedOut.unconfirmed().contains(p)
                            ? "you did not confirm in time"
                            : "your opponent did not confirm in time; you may queue again"));
                }
            }
            case MatchEvent.MatchCompleted completed -> match.players()
                    .forEach(p -> out.add(new MatchCompleted(p, id, resultFor(match, p, completed.ratingChanges()))));
            case MatchEvent.MatchConflict conflict -> match.players()
                    .forEach(p -> out.add(new MatchConflict(p, id, "you and your opponent reported different results")));
            case MatchEvent.MatchResolved resolved -> match.players()
                    .forEach(p -> out.add(new MatchCompleted(p, id, "an admin resolved it: "
                            + resultFor(match, p, resolved.ratingChanges()))));
            default -> {
                // MatchFound (the wave's dispatch), PlayerConfirmed, AbortArmed: answered on the
                // acting player's interaction. MatchStarted and ResultReported: the match message
                // edits of of(event, names, channels).
            }
        }
        return List.copyOf(out);
    }

    /** "you won, bw_zerg 1500 → 1520" from the player's side. */
    static String resultFor(Match match, PlayerId player, List<LedgerEntry> changes) {
        String outcome = match.result().map(result -> describe(result, match.player1().player().equals(player)))
                .orElse("no result");
        Optional<RatingChange> own = changes.stream().map(LedgerEntry::change)
                .filter(c -> c.after().player().equals(player)).reduce((first, last) -> last);
        return own.map(c -> outcome + ", " + c.after().race() + " " + c.before().rating().rounded() + " → "
                + c.after().rating().rounded()).orElse(outcome);
    }

    private static String describe(MatchResult result, boolean isPlayer1) {
        return switch (result) {
            case PLAYER1 -> isPlayer1 ? "you won" : "you lost";
            case PLAYER2 -> isPlayer1 ? "you lost" : "you won";
            case DRAW -> "a draw";
            default -> result.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
