package dev.matchwave.matchmaking.ladder.season;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardSnapshot;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.LedgerReplay;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.rating.RatingKey;
import dev.matchwave.matchmaking.ladder.store.InMemoryLadderStore;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Seasons over any history: games (rating changes with a record), new seasons with any reset
 * while some players are in a match that spans the change, and those matches ending. After every
 * step the ledger replays to the stored ratings; a reset moves exactly the ratings it should, to
 * where its rule says, and the closing season's records are the states the reset started from.
 */
class SeasonsProperties {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final Rating INITIAL = Rating.points(1500);
    private static final List<String> RACES = List.of("bw_zerg", "sc2_terran");
    private static final int PLAYERS = 5;
    private static final PlayerId ADMIN = PlayerId.of(900);

    private static SeasonReset reset(int code) {
        return switch (Math.floorMod(code, 4)) {
            case 0 -> new SeasonReset.CarryOver();
            case 1 -> new SeasonReset.Initial();
            case 2 -> new SeasonReset.Toward(0.5);
            default -> new SeasonReset.Toward(0.25);
        };
    }

    @Property(tries = 300)
    void seasonResetsAndTheLedgerReplayAgree(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 999) Integer> steps) {
        InMemoryLadderStore store = new InMemoryLadderStore();
        ManualClock clock = new ManualClock(T0);
        for (int p = 1; p <= PLAYERS; p++) {
            store.players().register(PlayerId.of(p), 3, T0);
        }
        Seasons seasons = new Seasons(store.seasons(), store.ratings(), INITIAL, clock);
        Set<PlayerId> inMatch = new HashSet<>();

        for (int step : steps) {
            clock.advance(Duration.ofMinutes(1 + step % 7));
            PlayerId player = PlayerId.of(1 + step % PLAYERS);
            String race = RACES.get(step / PLAYERS % RACES.size());
            switch (step % 10) {
                case 0, 1, 2, 3, 4 -> game(store, player, race, step, clock.instant());
                case 5, 6 -> {
                    Map<RatingKey, PlayerRating> before = ratings(store);
                    int closing = seasons.current().number();
                    SeasonReset reset = reset(step / 10);
                    // Players of an open match keep their rating until it ends.
                    Set<PlayerId> spanning = new HashSet<>(inMatch);
                    if ((step / 10) % 2 == 0) {
                        spanning.add(player);
                    }
                    Season started = seasons.startNext(ADMIN, reset, "calendar", spanning);
                    inMatch.addAll(spanning);
                    assertThat(started.number()).isEqualTo(closing + 1);
                    Map<RatingKey, PlayerRating> after = ratings(store);
                    Map<RatingKey, PlayerRating> records = new HashMap<>();
                    store.seasons().records(closing).forEach(r -> records.put(RatingKey.of(r), r));
                    for (var e : before.entrySet()) {
                        PlayerRating was = e.getValue();
                        PlayerRating now = after.get(e.getKey());
                        if (spanning.contains(was.player())) {
                            assertThat(now).as("a player in a spanning match keeps his rating").isEqualTo(was);
                        } else {
                            assertThat(now.rating()).isEqualTo(reset.apply(was.rating(), INITIAL));
                            assertThat(now.isFresh()).as("the record starts again").isTrue();
                            if (!now.equals(was)) {
                                assertThat(records.get(e.getKey())).as("kept as the closing season's record")
                                        .isEqualTo(was);
                            }
                        }
                    }
                }
                default -> {
                    if (inMatch.remove(player)) {
                        // His spanning match ends: its result counts in the old season, then the reset.
                        game(store, player, race, step, clock.instant());
                        Map<String, PlayerRating> final_ = store.ratings().ratingsOf(player);
                        List<Season> pending = seasons.seasons().stream()
                                .filter(s -> store.seasons().resetPending(s.number(), player)).toList();
                        seasons.matchEnded(List.of(player));
                        assertThat(pending).noneMatch(s -> store.seasons().resetPending(s.number(), player));
                        if (!pending.isEmpty()) {
                            for (var e : store.ratings().ratingsOf(player).entrySet()) {
                                PlayerRating was = final_.get(e.getKey());
                                Rating expected = was.rating();
                                for (Season s : pending) {
                                    expected = s.reset().apply(expected, INITIAL);
                                }
                                assertThat(e.getValue().rating()).as("every waiting reset, oldest first")
                                        .isEqualTo(expected);
                                assertThat(e.getValue().isFresh()).isTrue();
                                if (!was.isFresh()) {
                                    assertThat(store.seasons().recordsOf(pending.get(0).number() - 1, player))
                                            .as("his final record includes the spanning match")
                                            .containsEntry(e.getKey(), was);
                                }
                            }
                        }
                    }
                }
            }
            assertThat(LedgerReplay.verify(store.ratings())).as("the ledger replays to the stored ratings").isEmpty();
        }
        // Every season-reset entry starts from a kept record of the season it closed.
        for (LedgerEntry entry : store.ratings().ledger(0, 100_000)) {
            if (entry.cause() == LedgerCause.SEASON_RESET) {
                assertThat(store.seasons().seasons().stream().anyMatch(season -> store.seasons()
                        .recordsOf(season.number(), entry.player()).containsValue(entry.before())))
                        .as("entry %s starts from a kept record", entry.sequence()).isTrue();
            }
        }
    }

    private static void game(InMemoryLadderStore store, PlayerId player, String race, int step, Instant at) {
        PlayerRating before = store.ratings().find(player, race).orElse(PlayerRating.fresh(player, race, INITIAL));
        int delta = step % 41 - 20;
        double score = delta > 0 ? 1.0 : delta < 0 ? 0.0 : 0.5;
        PlayerRating after = before.afterGame(before.rating().withValue(before.rating().value() + delta), score, at);
        store.ratings().record(List.of(new RatingChange(Optional.empty(), LedgerCause.ADJUSTMENT, before, after, at)),
                Optional.empty());
    }

    private static Map<RatingKey, PlayerRating> ratings(InMemoryLadderStore store) {
        Map<RatingKey, PlayerRating> all = new HashMap<>();
        store.ratings().all().forEach(r -> all.put(RatingKey.of(r), r));
        return all;
    }

    @Example
    void theClosedSeasonsLeaderboardAndRecordsStayReadable() {
        InMemoryLadderStore store = new InMemoryLadderStore();
        ManualClock clock = new ManualClock(T0);
        store.players().register(PlayerId.of(1), 3, T0);
        store.players().register(PlayerId.of(2), 3, T0);
        game(store, PlayerId.of(1), "bw_zerg", 30, T0);
        game(store, PlayerId.of(2), "sc2_terran", 5, T0);
        Seasons seasons = new Seasons(store.seasons(), store.ratings(), INITIAL, clock);
        clock.advance(Duration.ofDays(1));

        Season second = seasons.startNext(ADMIN, new SeasonReset.Toward(0.5), "calendar", Set.of());

        assertThat(second.number()).isEqualTo(2);
        assertThat(store.ratings().find(PlayerId.of(1), "bw_zerg").orElseThrow().rating())
                .isEqualTo(Rating.points(1505)); // 1510 halfway to 1500
        assertThat(store.seasons().recordsOf(1, PlayerId.of(1))).hasEntrySatisfying("bw_zerg",
                r -> assertThat(r.wins()).isEqualTo(1));
        var board = LeaderboardSnapshot.of(LeaderboardRules.REFERENCE, store.seasons().records(1), Map.of(),
                seasons.endOf(1));
        assertThat(board.ranks().ranked()).hasSize(2);
        assertThat(board.ranks().ranked().get(0).player()).isEqualTo(PlayerId.of(1));
        assertThat(store.audit().recent(1).get(0).action().kind()).isEqualTo(AdminActionKind.NEW_SEASON);
        assertThat(seasons.endOf(1)).isEqualTo(second.startedAt());
        assertThatThrownBy(() -> seasons.endOf(2)).hasMessageContaining("current season");
        assertThatThrownBy(() -> seasons.endOf(7)).hasMessageContaining("no season 7");
    }

    @Example
    void resetsReadBackFromTheirSpec() {
        for (String spec : List.of("carry", "initial", "toward:0.5")) {
            assertThat(SeasonReset.parse(spec).spec()).isEqualTo(spec);
        }
        assertThatThrownBy(() -> SeasonReset.parse("toward:2")).hasMessageContaining("from 0 to 1");
        assertThatThrownBy(() -> SeasonReset.parse("halfway")).hasMessageContaining("carry, initial or toward");
    }
}
