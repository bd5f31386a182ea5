package dev.matchwave.matchmaking.ladder.store;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException.Kind;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.player.PlayerRepository;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.T0;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.action;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.assertStoreError;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.at;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.player;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link PlayerRepository}. Extend it with a {@link #newStore} that returns an
 * empty store; every test starts from one.
 */
public abstract class PlayerRepositoryContract {

    protected abstract LadderStore newStore();

    private LadderStore store;
    private PlayerRepository players;

    @BeforeEach
    void setUpStore() {
        store = newStore();
        players = store.players();
    }

    @Test
    void registerCreatesOnceAndThenReturnsTheStoredPlayer() {
        Player first = players.register(player(1), 3, T0);
        Player again = players.register(player(1), 7, at(10));

        assertThat(first).isEqualTo(Player.registered(player(1), 3, T0));
        assertThat(again).isEqualTo(first);
        assertThat(players.find(player(1))).contains(first);
    }

    @Test
    void unknownPlayersAreAbsent() {
        players.register(player(1), 3, T0);

        assertThat(players.find(player(2))).isEmpty();
        assertThat(players.findAll(List.of(player(1), player(2)))).containsOnlyKeys(player(1));
        assertThat(players.findByUserId("Nobody")).isEmpty();
    }

    @Test
    void savesAndFindsTheProfileByUserIdIgnoringCase() {
        players.register(player(1), 3, T0);
        PlayerProfile profile = new PlayerProfile("Flash", "Flash#12345", List.of("first", "second"), "KR", "KRJ");

        Player saved = players.saveProfile(player(1), profile);

        assertThat(saved.profile()).contains(profile);
        assertThat(players.find(player(1)).orElseThrow().profile()).contains(profile);
        assertThat(players.findByUserId("fLASH").map(Player::id)).contains(player(1));
        assertThat(players.find(player(1)).orElseThrow().profile().orElseThrow().alternativeIds())
                .containsExactly("first", "second");
    }

    @Test
    void aSavedProfileTellsTheStoresListenersOnceItIsStored() {
        players.register(player(1), 3, T0);
        java.util.List<Optional<PlayerProfile>> seen = new java.util.ArrayList<>();
        store.onRatingsOrProfilesChanged(() -> seen.add(players.find(player(1)).orElseThrow().profile()));

        players.saveProfile(player(1), profile("Jaedong"));
        assertThat(seen).containsExactly(Optional.of(profile("Jaedong")));

        assertStoreError(Kind.NOT_FOUND, () -> players.saveProfile(player(5), profile("Nobody")));
        assertThat(seen).as("a refused write tells nobody").hasSize(1);
    }

    @Test
    void aUserIdBelongsToOnePlayer() {
        players.register(player(1), 3, T0);
        players.register(player(2), 3, T0);
        players.saveProfile(player(1), profile("Jaedong"));

        assertStoreError(Kind.DUPLICATE, () -> players.saveProfile(player(2), profile("JAEDONG")));
        assertThat(players.find(player(2)).orElseThrow().profile()).isEmpty();

        players.saveProfile(player(1), profile("Jaedong"));
        players.saveProfile(player(1), profile("Bisu"));
        players.saveProfile(player(2), profile("Jaedong"));
        assertThat(players.findByUserId("jaedong").map(Player::id)).contains(player(2));
        assertThat(players.findByUserId("bisu").map(Player::id)).contains(player(1));
    }

    @Test
    void writesToAnUnregisteredPlayerAreRefused() {
        AdminAction ban = action(AdminActionKind.BAN, AdminAction.player(player(5)), 1);
        assertStoreError(Kind.NOT_FOUND, () -> players.saveProfile(player(5), profile("Nobody")));
        assertStoreError(Kind.NOT_FOUND, () -> players.acceptTerms(player(5), T0));
        assertStoreError(Kind.NOT_FOUND, () -> players.setBanned(player(5), true, ban));
        assertStoreError(Kind.NOT_FOUND, () -> players.setAbortsLeft(player(5), 3, ban));
        assertThat(players.find(player(5))).isEmpty();
        assertThat(store.audit().recent(10)).isEmpty();
    }

    @Test
    void termsKeepTheFirstAcceptance() {
        players.register(player(1), 3, T0);

        players.acceptTerms(player(1), at(5));
        Player again = players.acceptTerms(player(1), at(50));

        assertThat(again.termsAcceptedAt()).contains(at(5));
        assertThat(players.find(player(1)).orElseThrow().termsAcceptedAt()).contains(at(5));
    }

    @Test
    void banAndAbortResetAreAuditedTogether() {
        players.register(player(1), 3, T0);
        AdminAction ban = action(AdminActionKind.BAN, AdminAction.player(player(1)), 1);
        AdminAction reset = action(AdminActionKind.RESET_ABORTS, AdminAction.player(player(1)), 2);

        assertThat(players.setBanned(player(1), true, ban).banned()).isTrue();
        assertThat(players.setAbortsLeft(player(1), 5, reset).abortsLeft()).isEqualTo(5);

        Player stored = players.find(player(1)).orElseThrow();
        assertThat(stored.banned()).isTrue();
        assertThat(stored.abortsLeft()).isEqualTo(5);
        assertThat(store.audit().recent(10)).extracting(e -> e.action()).containsExactly(reset, ban);

        players.setBanned(player(1), false, ban);
        assertThat(players.find(player(1)).orElseThrow().banned()).isFalse();
    }

    @Test
    void negativeAbortsAreRefusedAndNothingIsAudited() {
        players.register(player(1), 3, T0);
        AdminAction reset = action(AdminActionKind.RESET_ABORTS, AdminAction.player(player(1)), 2);

        assertStoreError(Kind.INVALID, () -> players.setAbortsLeft(player(1), -1, reset));
        assertThat(players.find(player(1)).orElseThrow().abortsLeft()).isEqualTo(3);
        assertThat(store.audit().recent(10)).isEmpty();
    }

    @Test
    void aspectsDoNotOverwriteEachOther() {
        players.register(player(1), 3, T0);
        players.saveProfile(player(1), profile("Stork"));
        players.acceptTerms(player(1), at(1));
        players.setBanned(player(1), true, action(AdminActionKind.BAN, "player:1", 2));
        players.setAbortsLeft(player(1), 1, action(AdminActionKind.RESET_ABORTS, "player:1", 3));
        players.saveProfile(player(1), profile("Storm"));

        assertThat(players.find(player(1))).contains(new Player(player(1), Optional.of(profile("Storm")),
                Optional.of(at(1)), true, 1, T0));
        assertThat(players.findAll(List.of(PlayerId.of(1))).get(player(1)).abortsLeft()).isEqualTo(1);
    }
}
