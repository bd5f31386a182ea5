package dev.matchwave.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.persistence.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * {@link Sql#afterCommit}: what the caches use to drop an entry only once the write is visible.
 * Inside a shared transaction (a wave) the action waits for its commit and is dropped with a
 * rollback; on its own it runs at once.
 */
class SqlAfterCommitTest {

    final DSLContext dsl = TestDatabases.shared().dsl();
    final List<String> ran = new ArrayList<>();

    @Test
    void outsideASharedTransactionItRunsAtOnce() {
        Sql.afterCommit(dsl, () -> ran.add("dropped"));
        assertThat(ran).containsExactly("dropped");
    }

    @Test
    void insideASharedTransactionItRunsAfterTheCommit() {
        Sql.writeShared(dsl, "a wave", tx -> {
            Sql.write(dsl, "a write that joins the wave", nested -> nested.execute("SELECT 1"));
            Sql.afterCommit(dsl, () -> ran.add("dropped"));
            ran.add("still in the transaction");
            return null;
        });
        assertThat(ran).containsExactly("still in the transaction", "dropped");
    }

    @Test
    void aRolledBackSharedTransactionDropsTheAction() {
        assertThatThrownBy(() -> Sql.writeShared(dsl, "a wave", tx -> {
            Sql.afterCommit(dsl, () -> ran.add("dropped"));
            throw new IllegalStateException("the wave failed");
        })).hasMessageContaining("the wave failed");
        assertThat(ran).isEmpty();
    }
}
