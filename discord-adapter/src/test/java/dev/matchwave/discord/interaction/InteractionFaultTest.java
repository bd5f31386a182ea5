package dev.matchwave.discord.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.ladder.StoreException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What a player is told when the ladder failed under his click or command. */
class InteractionFaultTest {

    @Test
    void anUnreachableDatabaseIsSaidSoEvenWhenWrapped() {
        StoreException down = new StoreException(StoreException.Kind.UNAVAILABLE,
                "read player 7 failed, nothing was stored: database unavailable (Connection refused)");

        assertThat(InteractionRouter.fault(down)).isEqualTo(
                "The ladder's database is unavailable right now; nothing was changed. Please try again shortly.");
        assertThat(InteractionRouter.fault(new CompletionException(down))).isEqualTo(InteractionRouter.UNAVAILABLE);
    }

    @Test
    void anyOtherFailureIsTheGenericFault() {
        assertThat(InteractionRouter.fault(new IllegalStateException("a bug"))).isEqualTo(InteractionRouter.FAULT);
        assertThat(InteractionRouter.fault(StoreException.stale("match 3 changed"))).isEqualTo(InteractionRouter.FAULT);
    }
}
