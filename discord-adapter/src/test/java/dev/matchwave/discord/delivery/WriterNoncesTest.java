package dev.matchwave.discord.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import org.junit.jupiter.api.Test;

/**
 * A writer's create keeps its nonce until it made a message: a create cancelled before it left
 * (a newer change came) or one that failed must not move the nonce, or the next create, here or
 * in the process that takes over after a crash, makes a second message instead of returning the
 * one already made.
 */
class WriterNoncesTest {

    static final MessageWriters.Key MATCH_MESSAGE = new MessageWriters.Key(PlayerId.of(7), 37, MessageWriters.Kind.MATCH_MESSAGE);

    @Test
    void attemptsThatMadeNoMessageKeepTheNonce() {
        WriterNonces nonces = new WriterNonces(10);
        String first = nonces.next(MATCH_MESSAGE);

        assertThat(nonces.next(MATCH_MESSAGE)).as("after a cancelled or failed create").isEqualTo(first);
        nonces.made(MATCH_MESSAGE);
        assertThat(nonces.next(MATCH_MESSAGE)).as("after a message was made (and deleted)").isNotEqualTo(first)
                .startsWith(first);
    }

    @Test
    void theProcessThatTakesOverMakesTheSameFirstNonce() {
        WriterNonces dead = new WriterNonces(10);
        String sent = dead.next(MATCH_MESSAGE);
        dead.made(MATCH_MESSAGE);

        WriterNonces next = new WriterNonces(10);
        next.next(MATCH_MESSAGE); // a create cancelled at the last second: a newer change came
        assertThat(next.next(MATCH_MESSAGE)).isEqualTo(sent).isEqualTo("mwM11");
        assertThat(next.next(new MessageWriters.Key(PlayerId.of(7), 37, MessageWriters.Kind.MATCH_FOUND)))
                .as("match found has its own").isEqualTo("mwF11");
    }
}
