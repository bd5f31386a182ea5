package dev.matchwave.bot.ladder;

import dev.matchwave.discord.delivery.NotificationRenderer;
import dev.matchwave.discord.view.LadderMessages;
import dev.matchwave.discord.view.MatchFoundView;
import dev.matchwave.discord.view.MatchPendingView;
import dev.matchwave.discord.view.MatchResult;
import dev.matchwave.discord.view.MatchView;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.match.ChannelNaming;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.Participant;
import dev.matchwave.matchmaking.ladder.match.Verdict;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.jspecify.annotations.Nullable;

/**
 * The bot's {@link NotificationRenderer}: "match found" and the match message through the full
 * views ({@link LadderMessages#matchFound}, {@link LadderMessages#matchPending},
 * {@link LadderMessages#matchDetails}), filled from the match and the players as stored at the
 * moment of sending; every other notification as {@link NotificationRenderer#plain()} writes it.
 *
 * <p>The rule that keeps the details back (docs/reference-ladder.md, "After a match is found"): a match message
 * shows the map, the server, the in-game channel, the contact names and the result controls
 * only when the stored match has started, i.e. both players have confirmed. Before that it is
 * rendered as a {@link MatchPendingView}, which has no field for any of them. The content of the
 * {@code MatchDetails} notification itself is not trusted for this: it carries the details from
 * the wave on.
 *
 * <p>Thread-safe when the {@link Source} is. Blocks on the source (the database: one read of the
 * match and one per player; "match found" at its wave reads the match as created, no database);
 * a match that cannot be read makes {@link #render} throw, which the
 * sink turns into a retryable failure.
 */
public final class LadderMessageRenderer implements NotificationRenderer {

    /** Where the renderer reads the ladder. Implementations are thread-safe and may block. */
    public interface Source {
        Optional<Match> match(long matchId);

        Optional<Player> player(PlayerId player);

        /**
         * The match as its wave created it, while the wave's "match found" messages go out (no
         * database read); empty otherwise. Only "match found" is rendered from it: it shows the
         * match as the wave made it (an opponent's confirmation that came meanwhile shows when
         * the message is next re-rendered, at the player's own click).
         */
        default Optional<Match> matchAsCreated(long matchId) {
            return Optional.empty();
        }

        /** The player as read at his wave, while its messages go out; empty otherwise. */
        default Optional<Player> playerAtWave(PlayerId player) {
            return Optional.empty();
        }

        /**
         * The result the player has picked in his match message but not confirmed yet: a
         * re-rendered match message keeps it (and its enabled confirm select).
         */
        default Optional<MatchResult> picked(long matchId, PlayerId player) {
            return Optional.empty();
        }

        /** The application's store and player service. */
        static Source of(LadderApplication app) {
            return new ApplicationSource(app, null);
        }
    }

    private final Source source;
    private final NotificationRenderer plain = NotificationRenderer.plain();
    private final ChannelNaming channels = ChannelNaming.reference();

    public LadderMessageRenderer(Source source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Reads {@code app}'s store. */
    public static LadderMessageRenderer of(LadderApplication app) {
        return new LadderMessageRenderer(Source.of(app));
    }

    /** Reads {@code app}'s store, and the results its players have picked at {@code desk}. */
    public static LadderMessageRenderer of(LadderApplication app, LadderFrontDesk desk) {
        return new LadderMessageRenderer(new ApplicationSource(app, Objects.requireNonNull(desk, "desk")));
    }

    /** The application's store, its wave snapshot and, when given, the desk's picked results. */
    private record ApplicationSource(LadderApplication app, @Nullable LadderFrontDesk desk) implements Source {
        ApplicationSource {
            Objects.requireNonNull(app, "app");
        }

        @Override
        public Optional<Match> match(long matchId) {
            return app.store().matches().find(MatchId.of(matchId));
        }

        @Override
        public Optional<Player> player(PlayerId player) {
            return app.players().find(player);
        }

        @Override
        public Optional<Match> matchAsCreated(long matchId) {
            return app.matchAsCreated(matchId);
        }

        @Override
        public Optional<Player> playerAtWave(PlayerId player) {
            return app.playerAtWave(player);
        }

        @Override
        public Optional<MatchResult> picked(long matchId, PlayerId player) {
            return desk == null ? Optional.empty() : desk.pickedResult(matchId, player.value());
        }
    }

    @Override
    public MessageCreateData render(Notification notification) {
        return switch (notification) {
            case MatchFound found -> liveMatchMessage(found);
            case MatchDetails details -> {
                Match match = match(details.matchId());
                yield bothConfirmed(match)
                        ? LadderMessages.matchDetails(matchView(match, details.player(),
                                source.picked(details.matchId(), details.player())))
                        : LadderMessages.matchPending(pendingView(match, details.player()));
            }
            default -> plain.render(notification);
        };
    }

    /**
     * The message the player looks at (his "match found", edited on interaction routes): while
     * the wave's messages go out, "match found" as the wave made the match (no database); later
     * the stored match: "match found" with who has confirmed, and once both have, the whole match
     * view (map, server, channel, result controls).
     */
    MessageCreateData liveMatchMessage(MatchFound found) {
        return liveMatchMessage(found, true);
    }

    /** As {@link #liveMatchMessage(MatchFound)}; {@code atWave} false reads the stored match (a later change). */
    MessageCreateData liveMatchMessage(MatchFound found, boolean atWave) {
        if (atWave && source.matchAsCreated(found.matchId()).isPresent()) {
            return LadderMessages.matchFound(matchFoundView(found));
        }
        return liveMatchMessage(match(found.matchId()), found.player());
    }

    /** The live message of {@code player} from {@code match} as just read. */
    MessageCreateData liveMatchMessage(Match match, PlayerId player) {
        return bothConfirmed(match)
                ? LadderMessages.matchDetails(matchView(match, player, source.picked(match.id().value(), player)))
                : LadderMessages.matchFound(matchFoundView(match, player));
    }

    /** The one test for showing details: the second confirm started the match. */
    static boolean bothConfirmed(Match match) {
        return match.startedAt().isPresent();
    }

    MatchFoundView matchFoundView(MatchFound found) {
        Optional<Match> asCreated = source.matchAsCreated(found.matchId());
        if (asCreated.isPresent()) {
            int abortsLeft = source.playerAtWave(found.player()).or(() -> source.player(found.player()))
                    .map(Player::abortsLeft).orElse(0);
            return matchFoundView(asCreated.get(), found.player(), abortsLeft, true);
        }
        return matchFoundView(match(found.matchId()), found.player());
    }

    MatchFoundView matchFoundView(Match match, PlayerId player) {
        return matchFoundView(match, player, source.player(player).map(Player::abortsLeft).orElse(0), false);
    }

    private MatchFoundView matchFoundView(Match match, PlayerId player, int abortsLeft, boolean atWave) {
        Participant self = participant(match, player);
        Participant opponent = participant(match, match.opponentOf(player));
        return new MatchFoundView(match.id().value(), player.value(), raceLabel(self.race()),
                match.confirmDeadline(), self.confirmed(), opponent.confirmed(), abortsLeft,
                self.abortArmed() && abortsLeft > 0, Optional.of(side(opponent, atWave)));
    }

    MatchPendingView pendingView(Match match, PlayerId player) {
        participant(match, player);
        return new MatchPendingView(match.id().value(), player.value(), side(match.player1()), side(match.player2()),
                match.confirmDeadline());
    }

    MatchView matchView(Match match, PlayerId player) {
        return matchView(match, player, Optional.empty());
    }

    /** The match view with the result the player has picked but not yet confirmed. */
    MatchView matchView(Match match, PlayerId player, Optional<MatchResult> picked) {
        Participant self = participant(match, player);
        Participant opponent = participant(match, match.opponentOf(player));
        Optional<MatchResult> finalResult = match.result().flatMap(LadderMessageRenderer::result);
        MatchView.Status status = switch (match.state()) {
            case FOUND, IN_PROGRESS -> MatchView.Status.IN_PROGRESS;
            case CONFLICT -> MatchView.Status.CONFLICT;
            case COMPLETED, RESOLVED -> finalResult.isPresent() ? MatchView.Status.COMPLETED : MatchView.Status.ABORTED;
            case ABORTED, TIMED_OUT, INVALIDATED -> MatchView.Status.ABORTED;
        };
        Optional<MatchResult> own = self.report().flatMap(r -> r.verdict()).flatMap(LadderMessageRenderer::result);
        MatchView.Reports reports = new MatchView.Reports(own,
                opponent.report().flatMap(r -> r.verdict()).isPresent(),
                own.isPresent() || status != MatchView.Status.IN_PROGRESS ? Optional.empty() : picked);
        int abortsLeft = source.player(player).map(Player::abortsLeft).orElse(0);
        return new MatchView(match.id().value(), player.value(), matchPlayer(match.player1()),
                matchPlayer(match.player2()), match.setup().map(), match.setup().server(),
                channels.channelFor(match.id()), status,
                reports, status == MatchView.Status.COMPLETED ? finalResult : Optional.empty(), OptionalInt.empty(),
                abortsLeft, self.abortArmed() && abortsLeft > 0);
    }

    private MatchPendingView.Side side(Participant participant) {
        return side(participant, false);
    }

    /** A player's side; {@code atWave}: as read at his wave while its messages go out (no database). */
    private MatchPendingView.Side side(Participant participant, boolean atWave) {
        Optional<Player> player = atWave
                ? source.playerAtWave(participant.player()).or(() -> source.player(participant.player()))
                : source.player(participant.player());
        Optional<PlayerProfile> profile = player.flatMap(Player::profile);
        return new MatchPendingView.Side(participant.player().value(), name(participant.player(), profile),
                raceLabel(participant.race()), participant.ratingBefore(), country(profile), participant.confirmed());
    }

    private MatchView.MatchPlayer matchPlayer(Participant participant) {
        Optional<PlayerProfile> profile = source.player(participant.player()).flatMap(Player::profile);
        List<String> contacts = new ArrayList<>();
        profile.ifPresent(p -> {
            contacts.add(p.battleTag());
            contacts.addAll(p.alternativeIds());
        });
        return new MatchView.MatchPlayer(participant.player().value(), name(participant.player(), profile),
                raceLabel(participant.race()), participant.ratingBefore(), country(profile), Optional.empty(),
                contacts);
    }

    private static String name(PlayerId player, Optional<PlayerProfile> profile) {
        return profile.map(PlayerProfile::userId).orElse("player " + player.value());
    }

    private static Optional<String> country(Optional<PlayerProfile> profile) {
        return profile.map(PlayerProfile::country).filter(code -> code.matches("[A-Z]{2}"));
    }

    private Match match(long matchId) {
        return source.match(matchId).orElseThrow(() -> new IllegalStateException("match " + matchId + " not found"));
    }

    private static Participant participant(Match match, PlayerId player) {
        return match.participant(player).orElseThrow(() -> new IllegalArgumentException(
                "player " + player + " does not play in match " + match.id()));
    }

    private static Optional<MatchResult> result(Verdict verdict) {
        return switch (verdict) {
            case PLAYER1 -> Optional.of(MatchResult.PLAYER_1_WON);
            case PLAYER2 -> Optional.of(MatchResult.PLAYER_2_WON);
            case DRAW -> Optional.of(MatchResult.DRAW);
        };
    }

    private static Optional<MatchResult> result(dev.matchwave.matchmaking.ladder.match.MatchResult result) {
        return switch (result) {
            case PLAYER1 -> Optional.of(MatchResult.PLAYER_1_WON);
            case PLAYER2 -> Optional.of(MatchResult.PLAYER_2_WON);
            case DRAW -> Optional.of(MatchResult.DRAW);
            case ABORT, CONFLICT -> Optional.empty();
        };
    }

    /** {@code bw_zerg} to {@code BW Zerg}; a race without a side prefix as it is. */
    static String raceLabel(String race) {
        return race.indexOf('_') > 0 && race.indexOf('_') < race.length() - 1 ? LadderFrontDesk.label(race) : race;
    }
}
