package dev.matchwave.matchmaking.ladder;

import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.ladder.match.MatchEvent;
import dev.matchwave.matchmaking.ladder.lifecycle.MatchLifecycle;
import dev.matchwave.matchmaking.ladder.match.MatchSetup;
import dev.matchwave.matchmaking.ladder.match.NewMatch;
import dev.matchwave.matchmaking.ladder.match.Verdict;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingSystem;
import dev.matchwave.matchmaking.ladder.store.InMemoryLadderStore;
import dev.matchwave.matchmaking.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the example of docs/ladder.md and checks the document shows exactly this code. */
class LadderDocsExampleTest {

    @Test
    void pluggingInAnotherRatingSystem() {
        // docs:plugin:start
        /** Every win is worth a fixed number of points; a draw moves nothing. */
        record FixedStep(int start, int step) implements RatingSystem {
            @Override
            public String name() {
                return "fixed-step";
            }

            @Override
            public Rating initial() {
                return Rating.points(start);
            }

            @Override
            public Outcome rate(Contestant first, Contestant second, double scoreOfFirst, Instant at) {
                double delta = (scoreOfFirst - 0.5) * 2 * step;
                return new Outcome(first.rating().withValue(first.rating().value() + delta),
                        second.rating().withValue(second.rating().value() - delta));
            }
        }

        ManualClock clock = ManualClock.atEpochSecond(1_772_366_400);
        InMemoryLadderStore store = new InMemoryLadderStore();
        List<MatchEvent> events = new ArrayList<>();
        MatchLifecycle lifecycle = MatchLifecycle.builder(store)
                .ratingSystem(new FixedStep(1000, 10))
                .clock(clock)
                .scheduler(clock)
                .listener(events::add)
                .build();

        PlayerId bw = PlayerId.of(1);
        PlayerId sc2 = PlayerId.of(2);
        store.players().register(bw, 3, clock.instant());
        store.players().register(sc2, 3, clock.instant());
        Seat bwSeat = new Seat("bw", "bw_zerg", 1000);
        Seat sc2Seat = new Seat("sc2", "sc2_terran", 1000);
        Pair pair = new Pair(new QueuedPlayer(bw, List.of(bwSeat), Preferences.NONE, clock.instant(), 1), bwSeat,
                new QueuedPlayer(sc2, List.of(sc2Seat), Preferences.NONE, clock.instant(), 1), sc2Seat);

        var match = lifecycle.create(List.of(new NewMatch(pair, new MatchSetup("Polypoid", "EUC"))))
                .created().get(0).id();
        lifecycle.confirm(match, bw);
        lifecycle.confirm(match, sc2);
        lifecycle.report(match, bw, Verdict.PLAYER2);
        lifecycle.report(match, sc2, Verdict.PLAYER2);

        // bw_zerg 1000 -> 990, sc2_terran 1000 -> 1010
        // docs:plugin:end
        assertThat(store.ratings().find(bw, "bw_zerg").orElseThrow().rating().value()).isEqualTo(990);
        assertThat(store.ratings().find(sc2, "sc2_terran").orElseThrow().rating().value()).isEqualTo(1010);
        assertThat(events).hasSize(5).last().isInstanceOf(MatchEvent.MatchCompleted.class);
    }

    @Test
    void theDocumentShowsTheExampleVerbatim() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        String source = Files.readString(module.resolve(
                "src/test/java/dev/matchwave/matchmaking/ladder/LadderDocsExampleTest.java"));
        String docs = Files.readString(module.resolveSibling("docs").resolve("ladder.md"));
        String example = source.substring(source.indexOf("// docs:plugin:start") + "// docs:plugin:start".length(),
                source.indexOf("        // docs:plugin:end"));
        String dedented = example.strip().lines().map(line -> line.startsWith("        ") ? line.substring(8) : line)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertThat(docs).contains(dedented);
    }
}
