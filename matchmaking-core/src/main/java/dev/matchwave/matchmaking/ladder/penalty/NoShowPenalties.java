package dev.matchwave.matchmaking.ladder.penalty;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.QueueGuard;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies {@link NoShowRules}: records each timeout, starts a bar when the rule says so, refuses
 * barred players at the queue and lets an admin lift a bar (audited).
 *
 * <p>A caller decides which timeouts count: the bot records only the players who were told
 * "match found" (a player whose message was never delivered could not confirm).
 *
 * <p>Thread-safe; every method blocks on the repository. Timeouts of one player are expected one
 * at a time (a player is in one match at a time); a timeout recorded twice is ignored.
 */
public final class NoShowPenalties {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final NoShowRepository repository;
    private final NoShowRules rules;
    private final InstantSource clock;

    public NoShowPenalties(NoShowRepository repository, NoShowRules rules, InstantSource clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public NoShowRules rules() {
        return rules;
    }

    /**
     * {@code player} did not confirm {@code match} by {@code at}: records it and returns the bar
     * it starts, if it starts one (never for a timeout recorded already).
     */
    public Optional<QueueBar> timedOut(PlayerId player, MatchId match, Instant at) {
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        if (!repository.addTimeout(player, match, when)) {
            return Optional.empty();
        }
        List<Instant> timeouts = repository.timeoutsSince(player, when.minus(rules.window()));
        List<QueueBar> earlier = repository.barsSince(player, when.minus(rules.memory()));
        Optional<QueueBar> bar = rules.barAfter(player, when, timeouts, earlier);
        bar.ifPresent(repository::addBar);
        return bar;
    }

    /** The bar keeping the player out now, if any. */
    public Optional<QueueBar> barOf(PlayerId player) {
        return repository.barInForce(player, clock.instant());
    }

    /** Refuses a barred player, saying until when and why. One repository read per check. */
    public QueueGuard guard() {
        return player -> {
            Instant now = clock.instant();
            return repository.barInForce(player, now).map(bar -> refusal(bar, now));
        };
    }

    /** The refusal a barred player reads. */
    public String refusal(QueueBar bar, Instant now) {
        return "You cannot queue until " + UTC.format(bar.endsAt()) + " (in " + words(Duration.between(now,
                bar.endsAt())) + "): you did not confirm " + bar.timeouts() + " matches within "
                + NoShowRules.text(rules.window()) + "." + (bar.repeat() > 0 ? " The wait is longer because it happened before."
                : " Another time the wait is longer.") + " An admin can lift it.";
    }

    /**
     * Lifts the player's bar, audited as {@link AdminActionKind#LIFT_COOLDOWN}.
     *
     * @return the bar as lifted; empty when none was in force (nothing written)
     */
    public Optional<QueueBar> lift(PlayerId admin, PlayerId player, String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<QueueBar> inForce = repository.barInForce(player, now);
        if (inForce.isEmpty()) {
            return Optional.empty();
        }
        String details = "queue bar until " + inForce.get().until() + " lifted";
        return repository.lift(player, now, new AdminAction(admin, AdminActionKind.LIFT_COOLDOWN,
                AdminAction.player(player), details, reason, now));
    }

    /** "1 h 5 min", "45 min", "2 d 3 h", "30 s": the two largest units, rounded up to the minute past a minute. */
    static String words(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0));
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = (seconds + 59) / 60;
        long days = minutes / 1440;
        long hours = minutes % 1440 / 60;
        long mins = minutes % 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (mins > 0 ? " " + mins + " min" : "");
        }
        return mins + " min";
    }
}
