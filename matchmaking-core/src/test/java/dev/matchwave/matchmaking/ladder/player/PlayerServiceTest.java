package dev.matchwave.matchmaking.ladder.player;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.QueueGuard;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.admin.LadderAdmin;
import dev.matchwave.matchmaking.ladder.lifecycle.MatchLifecycle;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.LedgerReplay;
import dev.matchwave.matchmaking.ladder.store.InMemoryLadderStore;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlayerServiceTest {

    private static final PlayerId ME = PlayerId.of(1);
    private static final PlayerId OTHER = PlayerId.of(2);
    private static final PlayerId ADMIN = PlayerId.of(99);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final InMemoryLadderStore store = new InMemoryLadderStore();
    private final PlayerService players = new PlayerService(store.players(), store.preferences(), SetupRules.REFERENCE, 3, clock);
    private final MatchLifecycle lifecycle = MatchLifecycle.builder(store).clock(clock).scheduler(clock).build();
    private final LadderAdmin admin = new LadderAdmin(store, lifecycle, clock);

    private static ProfileForm form(String userId) {
        return new ProfileForm(userId, userId + "#1234", List.of(), "DE", "EUW");
    }

    @Test
    void setupRegistersSavesAndRefusesATakenUserId() {
        Validation<Player> mine = players.setup(ME, form("Stork"));
        Validation<Player> theirs = players.setup(OTHER, form("STORK"));

        assertThat(mine.isValid()).isTrue();
        assertThat(store.players().find(ME).orElseThrow().abortsLeft()).isEqualTo(3);
        assertThat(theirs).isEqualTo(new Validation.Invalid<Player>(List.of(new FieldProblem("userId",
                "User id STORK is taken; choose another."))));
        assertThat(store.players().find(OTHER).orElseThrow().profile()).isEmpty();
    }

    @Test
    void invalidPreferencesAreNotSaved() {
        Validation<SavedPreferences> bad = players.savePreferences(ME, Set.of("bw_zerg", "bw_protoss"), Set.of());
        Validation<SavedPreferences> good = players.savePreferences(ME, Set.of("bw_zerg", "sc2_terran"),
                Set.of("Eclipse"));

        assertThat(bad.isValid()).isFalse();
        assertThat(good.isValid()).isTrue();
        assertThat(players.preferences(ME)).contains(new SavedPreferences(Set.of("bw_zerg", "sc2_terran"),
                Set.of("Eclipse")));
    }

    @Test
    void guardsRefuseInTheReferenceOrder() {
        Set<PlayerId> queueing = new HashSet<>();
        QueueGuard guard = PlayerGuards.standard(store.players(), queueing::contains, lifecycle.inMatchGuard());

        assertThat(guard.refusal(ME)).hasValueSatisfying(m -> assertThat(m).contains("terms of service"));
        players.acceptTerms(ME);
        assertThat(guard.refusal(ME)).hasValueSatisfying(m -> assertThat(m).contains("setup"));
        players.setup(ME, form("Stork"));
        admin.setBanned(ADMIN, ME, true, "spam");
        assertThat(guard.refusal(ME)).hasValueSatisfying(m -> assertThat(m).contains("banned"));
        admin.setBanned(ADMIN, ME, false, "appeal");
        queueing.add(ME);
        assertThat(guard.refusal(ME)).contains("You are already queueing.");
        queueing.remove(ME);
        assertThat(guard.refusal(ME)).isEmpty();
        assertThat(store.audit().byAdmin(ADMIN, 10)).extracting(e -> e.action().kind())
                .containsExactly(AdminActionKind.BAN, AdminActionKind.BAN);
    }

    @Test
    void adminAdjustmentsGoThroughTheLedgerWithTheirAudit() {
        players.register(ME);

        admin.adjustRating(ADMIN, ME, "bw_zerg", LadderAdmin.Adjustment.SET, 1800, "import");
        admin.adjustRating(ADMIN, ME, "bw_zerg", LadderAdmin.Adjustment.ADD, 25, "bonus");
        LedgerEntry last = admin.adjustRating(ADMIN, ME, "bw_zerg", LadderAdmin.Adjustment.SUBTRACT, 100, "penalty");

        assertThat(last.after().rating().rounded()).isEqualTo(1725);
        assertThat(last.cause()).isEqualTo(LedgerCause.ADJUSTMENT);
        assertThat(store.ratings().find(ME, "bw_zerg").orElseThrow().games()).isZero();
        assertThat(store.audit().recent(1).get(0).action().details()).isEqualTo("bw_zerg 1825 -> 1725 (subtract 100)");
        assertThat(LedgerReplay.verify(store.ratings())).isEmpty();
    }

    @Test
    void anAdminRestoresAborts() {
        players.register(ME);
        store.players().setAbortsLeft(ME, 0, new dev.matchwave.matchmaking.ladder.audit.AdminAction(ADMIN,
                AdminActionKind.RESET_ABORTS, "player:1", "", "", clock.instant()));

        Player restored = admin.resetAborts(ADMIN, ME, "new season");

        assertThat(restored.abortsLeft()).isEqualTo(3);
        assertThat(admin.record(ADMIN, AdminActionKind.CLEAR_QUEUE, "-", "3 players", "").sequence()).isEqualTo(3);
        assertThat(store.players().find(ME).map(Player::abortsLeft)).isEqualTo(Optional.of(3));
    }
}
