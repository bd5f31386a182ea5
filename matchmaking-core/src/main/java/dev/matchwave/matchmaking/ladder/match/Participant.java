package dev.matchwave.matchmaking.ladder.match;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Seat;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the two players of a match, with what he did in it. Immutable.
 *
 * @param player       who
 * @param side         the side he plays (reference: {@code bw} or {@code sc2})
 * @param race         the race he plays, e.g. {@code bw_zerg}; his rating for it changes
 * @param ratingBefore his rating for that race when the match was found, in rating points
 * @param confirmedAt  when he confirmed, empty until he does
 * @param report       his report slot (see {@link Report}), empty until he reports or the match ends otherwise
 * @param abortArmed   whether he pressed abort once; a second press aborts
 */
public record Participant(PlayerId player, String side, String race, int ratingBefore, Optional<Instant> confirmedAt,
                          Optional<Report> report, boolean abortArmed) {

    public Participant {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(race, "race");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        Objects.requireNonNull(report, "report");
        if (side.isBlank()) {
            throw new IllegalArgumentException("participant side must not be blank");
        }
        if (race.isBlank()) {
            throw new IllegalArgumentException("participant race must not be blank");
        }
    }

    /** A participant of a new match, in the seat the wave gave him. */
    public static Participant seated(PlayerId player, Seat seat) {
        return new Participant(player, seat.side(), seat.race(), seat.rating(), Optional.empty(), Optional.empty(),
                false);
    }

    public boolean confirmed() {
        return confirmedAt.isPresent();
    }

    public Participant withConfirmedAt(Instant at) {
        return new Participant(player, side, race, ratingBefore, Optional.of(at), report, abortArmed);
    }

    public Participant withReport(Report newReport) {
        return new Participant(player, side, race, ratingBefore, confirmedAt, Optional.of(newReport), abortArmed);
    }

    public Participant withAbortArmed(boolean armed) {
        return new Participant(player, side, race, ratingBefore, confirmedAt, report, armed);
    }
}
