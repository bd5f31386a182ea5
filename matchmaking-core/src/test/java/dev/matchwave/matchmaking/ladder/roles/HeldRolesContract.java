package dev.matchwave.matchmaking.ladder.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link HeldRoles} does; a store runs it with {@link #newHeld} returning an empty one. */
public abstract class HeldRolesContract {

    protected static final PlayerId ALICE = PlayerId.of(111_111_111_111L);
    protected static final PlayerId BOB = PlayerId.of(222_222_222_222L);

    /** An empty store in which {@code players} exist (a database may require them). */
    protected abstract HeldRoles newHeld(List<PlayerId> players);

    @Test
    void givenAndTakenRolesArePerGuildAndPlayer() {
        HeldRoles held = newHeld(List.of(ALICE, BOB));
        held.given("500", ALICE, "11");
        held.given("500", ALICE, "11");
        held.given("500", ALICE, "12");
        held.given("500", BOB, "12");
        held.given("600", ALICE, "13");

        assertThat(held.heldIn("500")).isEqualTo(Map.of(ALICE, Set.of("11", "12"), BOB, Set.of("12")));
        assertThat(held.heldIn("600")).isEqualTo(Map.of(ALICE, Set.of("13")));

        held.taken("500", ALICE, "11");
        held.taken("500", ALICE, "11");
        held.taken("500", BOB, "12");

        assertThat(held.heldIn("500")).isEqualTo(Map.of(ALICE, Set.of("12")));
        assertThat(held.heldIn("700")).isEmpty();
    }
}
