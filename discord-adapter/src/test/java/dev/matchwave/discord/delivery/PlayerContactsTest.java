package dev.matchwave.discord.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.notification.ConfirmReminder;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.MatchInfo;
import dev.matchwave.notification.Participant;
import dev.matchwave.notification.ratelimit.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The edit-or-DM rule, on plain instants. */
class PlayerContactsTest {

    static final PlayerId ALICE = PlayerId.of(11);
    static final PlayerId BOB = PlayerId.of(22);
    static final Instant JOINED = Instant.parse("2026-01-01T12:00:00Z");

    private final PlayerContacts contacts = PlayerContacts.create();

    static MatchFound found(PlayerId player) {
        return new MatchFound(player, 7, player.equals(ALICE) ? BOB : ALICE);
    }

    static MatchDetails details(PlayerId player) {
        return new MatchDetails(player, new MatchInfo(7, new Participant(ALICE, "alice", "bw_zerg"),
                new Participant(BOB, "bob", "sc2_terran"), "Fighting Spirit", "EUC", "scevo07"));
    }

    @Test
    void aRefreshIsQueuedUntilMatchFoundGoesIntoTheMessageAndNeverAfter() {
        contacts.rememberSearch(ALICE, "tok-a", JOINED);
        List<String> queued = new ArrayList<>();
        assertThat(contacts.refreshSearching(ALICE, "tok-a", () -> queued.add("refresh 1"))).isTrue();
        contacts.markMatchFound(ALICE, "tok-a");
        assertThat(contacts.refreshSearching(ALICE, "tok-a", () -> queued.add("refresh 2"))).isFalse();
        assertThat(queued).containsExactly("refresh 1");
        // A new search (a new token) is refreshed again; an old token never.
        contacts.rememberSearch(ALICE, "tok-b", JOINED.plusSeconds(600));
        assertThat(contacts.refreshSearching(ALICE, "tok-a", () -> queued.add("old"))).isFalse();
        assertThat(contacts.refreshSearching(ALICE, "tok-b", () -> queued.add("refresh 3"))).isTrue();
        assertThat(contacts.refreshSearching(BOB, "tok-x", () -> queued.add("nobody"))).isFalse();
        assertThat(queued).containsExactly("refresh 1", "refresh 3");
    }

    @Test
    void matchFoundEditsTheSearchingResponseWhileTheTokenIsYoung() {
        contacts.rememberSearch(ALICE, "tok-a", JOINED);
        Delivery delivery = contacts.deliveryFor(found(ALICE), JOINED.plus(Duration.ofMinutes(13)));
        assertThat(delivery).isEqualTo(new Delivery.EditOriginal(ALICE, "tok-a"));
        assertThat(delivery.route()).isEqualTo(Route.interactionEdit("tok-a"));
        assertThat(delivery.route().globallyLimited()).isFalse();
    }

    @Test
    void aTokenOlderThanTheEditWindowGivesADirectMessageAndIsForgotten() {
        contacts.rememberSearch(ALICE, "tok-a", JOINED);
        Instant justBefore = JOINED.plus(PlayerContacts.DEFAULT_EDIT_WINDOW).minusMillis(1);
        assertThat(contacts.deliveryFor(found(ALICE), justBefore)).isInstanceOf(Delivery.EditOriginal.class);
        Instant atTheEdge = JOINED.plus(PlayerContacts.DEFAULT_EDIT_WINDOW);
        Delivery delivery = contacts.deliveryFor(found(ALICE), atTheEdge);
        assertThat(delivery).isEqualTo(new Delivery.DirectMessage(ALICE, OptionalLong.empty()));
        assertThat(delivery.route()).isEqualTo(Route.openDm());
        assertThat(contacts.tokenCount()).isZero();
    }

    @Test
    void everythingButMatchFoundGoesAsADirectMessageToTheKnownChannel() {
        contacts.rememberSearch(ALICE, "tok-a", JOINED);
        contacts.rememberDmChannel(ALICE, 9_001);
        assertThat(contacts.deliveryFor(details(ALICE), JOINED).route()).isEqualTo(Route.channelMessage("9001"));
        assertThat(contacts.deliveryFor(new ConfirmReminder(ALICE, 7, JOINED), JOINED).route())
                .isEqualTo(Route.channelMessage("9001"));
        assertThat(contacts.deliveryFor(details(ALICE), JOINED).route().globallyLimited()).isTrue();
    }

    @Test
    void aPlayerWithoutTokenIsReachedByDirectMessage() {
        assertThat(contacts.deliveryFor(found(BOB), JOINED)).isEqualTo(new Delivery.DirectMessage(BOB, OptionalLong.empty()));
    }

    @Test
    void aNewSearchReplacesTheTokenAndAFailedOldTokenDoesNotTakeItAlong() {
        contacts.rememberSearch(ALICE, "old", JOINED);
        contacts.rememberSearch(ALICE, "new", JOINED.plusSeconds(60));
        contacts.forgetToken(ALICE, "old");
        assertThat(contacts.liveToken(ALICE, JOINED.plusSeconds(61))).contains("new");
        contacts.forgetToken(ALICE, "new");
        assertThat(contacts.liveToken(ALICE, JOINED.plusSeconds(61))).isEmpty();
    }

    @Test
    void theEditWindowIsCheckedWhenBuilt() {
        assertThatThrownBy(() -> new PlayerContacts(Duration.ofMinutes(16))).hasMessageContaining("editWindow");
        assertThatThrownBy(() -> new PlayerContacts(Duration.ZERO)).hasMessageContaining("editWindow");
        assertThatThrownBy(() -> contacts.rememberSearch(ALICE, " ", JOINED)).hasMessageContaining("token");
    }

    @Test
    void liveSearchesAreThoseStillInsideTheEditWindow() {
        contacts.rememberSearch(ALICE, "tok-a", JOINED);
        contacts.rememberSearch(BOB, "tok-b", JOINED.plus(Duration.ofMinutes(5)));
        assertThat(contacts.liveSearches(JOINED.plus(Duration.ofMinutes(10))))
                .isEqualTo(java.util.Map.of(ALICE, "tok-a", BOB, "tok-b"));
        assertThat(contacts.liveSearches(JOINED.plus(Duration.ofMinutes(14)))).isEqualTo(java.util.Map.of(BOB, "tok-b"));
    }
}
