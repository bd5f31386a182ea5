package dev.matchwave.matchmaking.ladder.roles;

import dev.matchwave.matchmaking.PlayerId;
import java.util.List;

class InMemoryHeldRolesTest extends HeldRolesContract {

    @Override
    protected HeldRoles newHeld(List<PlayerId> players) {
        return HeldRoles.inMemory();
    }
}
