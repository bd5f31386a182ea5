package dev.matchwave.bot.ladder;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.audit.AuditEntry;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.Participant;
import dev.matchwave.matchmaking.ladder.match.ResultCodes;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.queue.PlayerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code /admin player}, {@code /admin match} and {@code /admin snapshot} show an operator:
 * pure functions from facts (records read from the ladder by {@link AdminDesk}) to the text of
 * the ephemeral answer, within Discord's 2,000 characters. Stateless and thread-safe.
 *
 * <p>Times are Discord timestamp tags ({@code <t:seconds:f>}), shown in the reader's zone;
 * result and report codes are the reference ladder's ({@link ResultCodes}, docs/reference-ladder.md).
 */
public final class AdminReports {

    /** Discord's limit for a message's content. */
    static final int MAX_LENGTH = 2_000;
    /** Matches listed under a player. */
    public static final int LAST_MATCHES = 5;
    /** Audit entries listed under a match. */
    public static final int AUDIT_ENTRIES = 10;

    private AdminReports() {
    }

    /**
     * One player as the operator sees him.
     *
     * @param lastMatches newest first, at most {@link #LAST_MATCHES} are shown
     * @param queuedSince when he joined the queue, while queued
     * @param openMatch   his open match, if any
     */
    public record PlayerFacts(PlayerId player, Optional<PlayerProfile> profile, boolean termsAccepted,
                              List<PlayerRating> ratings, int abortsLeft, int abortBudget, boolean banned,
                              PlayerState queueState, Optional<Instant> queuedSince, Optional<Match> openMatch,
                              List<Match> lastMatches) {
        public PlayerFacts {
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(profile, "profile");
            ratings = List.copyOf(ratings);
            Objects.requireNonNull(queueState, "queueState");
            Objects.requireNonNull(queuedSince, "queuedSince");
            Objects.requireNonNull(openMatch, "openMatch");
            lastMatches = List.copyOf(lastMatches);
        }
    }

    /**
     * One match as the operator sees it.
     *
     * @param names the players' ladder user ids, when they have one
     * @param audit the audit entries about the match, newest first
     */
    public record MatchFacts(Match match, Map<PlayerId, String> names, String channel, List<AuditEntry> audit) {
        public MatchFacts {
            Objects.requireNonNull(match, "match");
            names = Map.copyOf(names);
            Objects.requireNonNull(channel, "channel");
            audit = List.copyOf(audit);
        }
    }

    /**
     * The last wave's figures.
     *
     * @param took pairing, venues and match creation (not the dispatch)
     */
    public record WaveSummary(long number, Instant at, int queued, int pairs, int created, Duration took) {
        public WaveSummary {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(took, "took");
        }
    }

    /**
     * The ladder at a glance.
     *
     * @param wavesRun     waves run since the start (the last wave's number)
     * @param lastWave     the last wave's figures, once one ran
     * @param undelivered  notifications waiting in mailboxes
     * @param mailboxes    players with a notification waiting
     */
    public record SnapshotFacts(int queued, SortedMap<String, Integer> queuedByCategory,
                                SortedMap<String, Integer> queuedByRace, int matchesInProgress, int activePopulation,
                                long wavesRun, Optional<WaveSummary> lastWave, Instant nextWave, int undelivered,
                                int mailboxes) {
        public SnapshotFacts {
            queuedByCategory = new TreeMap<>(queuedByCategory);
            queuedByRace = new TreeMap<>(queuedByRace);
            Objects.requireNonNull(lastWave, "lastWave");
            Objects.requireNonNull(nextWave, "nextWave");
        }
    }

    /** {@code /admin player}. */
    public static String player(PlayerFacts f) {
        StringBuilder out = new StringBuilder();
        out.append("**Player ").append(f.player().value()).append("** ");
        f.profile().ifPresentOrElse(p -> out.append(p.userId()).append(" · ").append(p.battleTag())
                        .append(p.alternativeIds().isEmpty() ? "" : " · alt " + String.join(", ", p.alternativeIds()))
                        .append(" · ").append(p.country()).append(" · ").append(p.homeRegion()),
                () -> out.append("(no profile yet)"));
        out.append("\nTerms ").append(f.termsAccepted() ? "accepted" : "not accepted")
                .append(" · ").append(f.banned() ? "**BANNED**" : "not banned")
                .append(" · aborts left ").append(f.abortsLeft()).append(" of ").append(f.abortBudget());
        out.append("\nQueue: ");
        if (f.openMatch().isPresent()) {
            Match m = f.openMatch().get();
            out.append("in match #").append(m.id().value()).append(" (").append(lower(m.state().name()))
                    .append(", found ").append(relative(m.foundAt())).append(')');
        } else if (f.queuedSince().isPresent()) {
            out.append("queued since ").append(time(f.queuedSince().get())).append(" (")
                    .append(relative(f.queuedSince().get())).append(')');
        } else {
            out.append(lower(f.queueState().name()));
        }
        out.append("\nRatings:");
        if (f.ratings().isEmpty()) {
            out.append(" none");
        }
        f.ratings().stream().sorted(java.util.Comparator.comparing(PlayerRating::race)).forEach(r -> out.append("\n- ")
                .append(r.race()).append(' ').append(r.rating().rounded()).append(" · ").append(r.wins()).append("W ")
                .append(r.losses()).append("L ").append(r.draws()).append("D")
                .append(r.lastPlayed().map(at -> " · last " + relative(at)).orElse("")));
        out.append("\nLast matches:");
        if (f.lastMatches().isEmpty()) {
            out.append(" none");
        }
        f.lastMatches().stream().limit(LAST_MATCHES).forEach(m -> {
            Participant self = m.participant(f.player()).orElseThrow(() -> new IllegalArgumentException(
                    "match " + m.id() + " is not one of player " + f.player() + "'s"));
            Participant opponent = m.participant(m.opponentOf(f.player())).orElseThrow();
            out.append("\n- #").append(m.id().value()).append(' ').append(time(m.foundAt())).append(' ')
                    .append(self.race()).append(" vs ").append(opponent.player().value()).append(" (")
                    .append(opponent.race()).append(") · ").append(lower(m.state().name()))
                    .append(m.result().map(r -> " · result " + ResultCodes.REFERENCE.of(r)).orElse(""));
        });
        return fit(out);
    }

    /** {@code /admin match}. */
    public static String match(MatchFacts f) {
        Match m = f.match();
        StringBuilder out = new StringBuilder();
        out.append("**Match #").append(m.id().value()).append("** · ").append(lower(m.state().name()))
                .append(m.result().map(r -> " · result " + ResultCodes.REFERENCE.of(r) + " (" + lower(r.name()) + ")")
                        .orElse(" · no result yet"));
        side(out, "Player 1", m.player1(), f.names());
        side(out, "Player 2", m.player2(), f.names());
        out.append("\nMap ").append(m.setup().map()).append(" · server ").append(m.setup().server())
                .append(" · channel ").append(f.channel());
        out.append("\nFound ").append(time(m.foundAt())).append(" · confirm by ").append(time(m.confirmDeadline()))
                .append(m.startedAt().map(at -> " · started " + time(at)).orElse(" · not started"))
                .append(m.endedAt().map(at -> " · ended " + time(at)).orElse(""));
        m.resolution().ifPresent(r -> out.append("\nResolution: ").append(lower(r.name())));
        out.append("\nAudit:");
        if (f.audit().isEmpty()) {
            out.append(" none");
        }
        f.audit().stream().limit(AUDIT_ENTRIES).forEach(e -> out.append("\n- #").append(e.sequence()).append(' ')
                .append(time(e.action().at())).append(" by ").append(e.action().admin().value()).append(": ")
                .append(lower(e.action().kind().name())).append(", ").append(e.action().details())
                .append(" (").append(e.action().reason()).append(')'));
        return fit(out);
    }

    private static void side(StringBuilder out, String label, Participant p, Map<PlayerId, String> names) {
        out.append('\n').append(label).append(": ").append(p.player().value())
                .append(Optional.ofNullable(names.get(p.player())).map(n -> " " + n).orElse(""))
                .append(" · ").append(p.race()).append(" · rating before ").append(p.ratingBefore())
                .append(" · ").append(p.confirmedAt().map(at -> "confirmed " + time(at)).orElse("not confirmed"))
                .append(" · report ").append(p.report()
                        .map(r -> ResultCodes.REFERENCE.of(r) + " (" + lower(r.name()) + ")").orElse("none"))
                .append(p.abortArmed() ? " · abort armed" : "");
    }

    /** {@code /admin snapshot}. */
    public static String snapshot(SnapshotFacts f) {
        StringBuilder out = new StringBuilder();
        out.append("**Queue**: ").append(f.queued()).append(" waiting");
        if (!f.queuedByCategory().isEmpty()) {
            out.append(" · by category ").append(joined(f.queuedByCategory()));
        }
        if (!f.queuedByRace().isEmpty()) {
            out.append("\nBy race: ").append(joined(f.queuedByRace()));
        }
        out.append("\nMatches in progress: ").append(f.matchesInProgress())
                .append(" · active players (15 min): ").append(f.activePopulation());
        out.append("\nWaves run: ").append(f.wavesRun()).append(" · next wave ").append(relative(f.nextWave()));
        f.lastWave().ifPresentOrElse(w -> out.append("\nLast wave #").append(w.number()).append(' ')
                        .append(time(w.at())).append(" (").append(relative(w.at())).append("): ").append(w.queued())
                        .append(" queued, ").append(w.pairs()).append(" pairs, ").append(w.created())
                        .append(" matches created, ").append(w.took().toMillis()).append(" ms"),
                () -> out.append("\nNo wave has run yet."));
        out.append("\nUndelivered notifications: ").append(f.undelivered()).append(" in ").append(f.mailboxes())
                .append(f.mailboxes() == 1 ? " mailbox" : " mailboxes");
        return fit(out);
    }

    private static String joined(SortedMap<String, Integer> counts) {
        return String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String time(Instant at) {
        return "<t:" + at.getEpochSecond() + ":f>";
    }

    private static String relative(Instant at) {
        return "<t:" + at.getEpochSecond() + ":R>";
    }

    /** Cut to Discord's limit, saying so; room is left for the desk's "Audited." suffix. */
    private static String fit(StringBuilder out) {
        int max = MAX_LENGTH - 40;
        return out.length() <= max ? out.toString() : out.substring(0, max - 12) + "\n… (cut)";
    }
}
