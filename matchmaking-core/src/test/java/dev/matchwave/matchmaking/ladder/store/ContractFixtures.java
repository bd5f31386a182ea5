package dev.matchwave.matchmaking.ladder.store;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.match.MatchDraft;
import dev.matchwave.matchmaking.ladder.match.MatchSetup;
import dev.matchwave.matchmaking.ladder.match.Participant;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Values shared by the repository contract suites. Instants are whole seconds so every store
 * (PostgreSQL keeps microseconds) returns them unchanged.
 */
public final class ContractFixtures {

    public static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    public static final PlayerId ADMIN = PlayerId.of(900);

    private ContractFixtures() {
    }

    public static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    public static PlayerId player(long id) {
        return PlayerId.of(id);
    }

    /** Registers the players with 3 aborts each. */
    public static void register(LadderStore store, long... ids) {
        for (long id : ids) {
            store.players().register(PlayerId.of(id), 3, T0);
        }
    }

    public static PlayerProfile profile(String userId) {
        return new PlayerProfile(userId, userId + "#1234", List.of("alt" + userId), "DE", "EUW");
    }

    public static AdminAction action(AdminActionKind kind, String target, long secondsAfterT0) {
        return new AdminAction(ADMIN, kind, target, "details of " + kind, "because", at(secondsAfterT0));
    }

    public static Participant bw(long player, int rating) {
        return new Participant(PlayerId.of(player), "bw", "bw_zerg", rating, Optional.empty(), Optional.empty(),
                false);
    }

    public static Participant sc2(long player, int rating) {
        return new Participant(PlayerId.of(player), "sc2", "sc2_terran", rating, Optional.empty(),
                Optional.empty(), false);
    }

    public static MatchDraft draft(long bwPlayer, long sc2Player) {
        return new MatchDraft(bw(bwPlayer, 1500), sc2(sc2Player, 1500), new MatchSetup("Fighting Spirit", "EUC"),
                T0, T0.plusSeconds(60));
    }

    public static PlayerRating fresh(long player, String race) {
        return PlayerRating.fresh(PlayerId.of(player), race, Rating.points(1500));
    }

    public static RatingChange adjustment(PlayerRating before, double newValue, long secondsAfterT0) {
        return new RatingChange(Optional.empty(), LedgerCause.ADJUSTMENT, before,
                before.withRating(before.rating().withValue(newValue)), at(secondsAfterT0));
    }

    public static RatingChange gameChange(MatchId match, LedgerCause cause, PlayerRating before, Rating after,
                                          double score, long secondsAfterT0) {
        return new RatingChange(Optional.of(match), cause, before, before.afterGame(after, score, at(secondsAfterT0)),
                at(secondsAfterT0));
    }

    public static void assertStoreError(StoreException.Kind kind, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(StoreException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((StoreException) e).kind())
                        .as("store error kind").isEqualTo(kind));
    }
}
