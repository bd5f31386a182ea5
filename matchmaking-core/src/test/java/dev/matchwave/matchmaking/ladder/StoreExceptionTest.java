package dev.matchwave.matchmaking.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class StoreExceptionTest {

    private static final StoreException UNAVAILABLE = new StoreException(StoreException.Kind.UNAVAILABLE,
            "read player 1 failed, nothing was stored: database unavailable");

    @Test
    void anUnavailableStoreIsFoundItselfOrAsACause() {
        assertThat(StoreException.isUnavailable(UNAVAILABLE)).isTrue();
        assertThat(StoreException.isUnavailable(new CompletionException(new IllegalStateException(UNAVAILABLE))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(StoreException.isUnavailable(StoreException.stale("match 1 changed"))).isFalse();
        assertThat(StoreException.isUnavailable(new IllegalStateException("bug", StoreException.invalid("x"))))
                .isFalse();
        assertThat(StoreException.isUnavailable(new RuntimeException("no cause"))).isFalse();
        assertThat(StoreException.isUnavailable(null)).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(StoreException.isUnavailable(first)).isFalse();
    }
}
