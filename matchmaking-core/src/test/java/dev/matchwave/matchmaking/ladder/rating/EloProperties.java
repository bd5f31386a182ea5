package dev.matchwave.matchmaking.ladder.rating;

import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class EloProperties {

    private static final Elo ELO = Elo.REFERENCE;
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static RatingSystem.Outcome rate(int r1, int r2, double score) {
        return ELO.rate(new RatingSystem.Contestant(Rating.points(r1), Optional.empty()),
                new RatingSystem.Contestant(Rating.points(r2), Optional.empty()), score, NOW);
    }

    private static double score(int code) {
        return code / 2.0;
    }

    @Property
    void theChangesOfAMatchSumToZeroUpToRounding(@ForAll @IntRange(min = 0, max = 4000) int r1,
                                                 @ForAll @IntRange(min = 0, max = 4000) int r2,
                                                 @ForAll @IntRange(min = 0, max = 2) int scoreCode) {
        RatingSystem.Outcome outcome = rate(r1, r2, score(scoreCode));
        double sum = (outcome.first().value() - r1) + (outcome.second().value() - r2);
        assertThat(Math.abs(sum)).isLessThanOrEqualTo(1);
    }

    @Property
    void ratingsStayWholeAndMoveAtMostKInTheRightDirection(@ForAll @IntRange(min = 0, max = 4000) int r1,
                                                          @ForAll @IntRange(min = 0, max = 4000) int r2,
                                                          @ForAll @IntRange(min = 0, max = 2) int scoreCode) {
        double s = score(scoreCode);
        RatingSystem.Outcome outcome = rate(r1, r2, s);
        double change = outcome.first().value() - r1;
        assertThat(outcome.first().value()).isEqualTo(Math.rint(outcome.first().value()));
        assertThat(Math.abs(change)).isLessThanOrEqualTo(40);
        if (s == 1.0) {
            assertThat(change).isGreaterThanOrEqualTo(0);
        } else if (s == 0.0) {
            assertThat(change).isLessThanOrEqualTo(0);
        }
    }

    @Property
    void swappingThePlayersSwapsTheResult(@ForAll @IntRange(min = 0, max = 4000) int r1,
                                          @ForAll @IntRange(min = 0, max = 4000) int r2,
                                          @ForAll @IntRange(min = 0, max = 2) int scoreCode) {
        RatingSystem.Outcome forward = rate(r1, r2, score(scoreCode));
        RatingSystem.Outcome backward = rate(r2, r1, 1 - score(scoreCode));
        assertThat(backward.first()).isEqualTo(forward.second());
        assertThat(backward.second()).isEqualTo(forward.first());
    }

    @Example
    void equalRatingsMoveTwentyPointsAndAFiveHundredGapIsTenToOne() {
        assertThat(rate(1500, 1500, 1).first().value()).isEqualTo(1520);
        assertThat(rate(1500, 1500, 0.5).first().value()).isEqualTo(1500);
        // 1 / (1 + 10^(-500/500)) = 10/11: the winner gains round(40/11) = 4, the loser drops 4.
        assertThat(ELO.expected(2000, 1500)).isEqualTo(10.0 / 11.0);
        assertThat(rate(2000, 1500, 1).first().value()).isEqualTo(2004);
        assertThat(rate(2000, 1500, 1).second().value()).isEqualTo(1496);
        assertThat(rate(2000, 1500, 0).first().value()).isEqualTo(1964);
    }
}
