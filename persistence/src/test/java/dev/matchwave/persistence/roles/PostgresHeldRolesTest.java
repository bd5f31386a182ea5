package dev.matchwave.persistence.roles;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.roles.HeldRoles;
import dev.matchwave.matchmaking.ladder.roles.HeldRolesContract;
import dev.matchwave.persistence.TestDatabases;
import dev.matchwave.persistence.ladder.PostgresLadderStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs matchmaking-core's {@link HeldRolesContract} against PostgreSQL (migration V7). */
class PostgresHeldRolesTest extends HeldRolesContract {

    @Override
    protected HeldRoles newHeld(List<PlayerId> players) {
        PostgresLadderStore store = TestDatabases.emptyStore();
        players.forEach(p -> store.players().register(p, 3, Instant.parse("2026-01-01T00:00:00Z")));
        return new PostgresHeldRoles(store.database());
    }

    @Test
    void anIdThatIsNotADiscordIdIsRefused() {
        HeldRoles held = newHeld(List.of(ALICE));
        assertThatThrownBy(() -> held.given("500", ALICE, "gold")).isInstanceOf(StoreException.class)
                .hasMessageContaining("role id must be a Discord id, got 'gold'");
    }
}
