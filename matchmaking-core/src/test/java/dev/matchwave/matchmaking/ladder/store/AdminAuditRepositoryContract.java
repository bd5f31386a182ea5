package dev.matchwave.matchmaking.ladder.store;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.audit.AdminAuditRepository;
import dev.matchwave.matchmaking.ladder.audit.AuditEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/** The contract of {@link AdminAuditRepository}; {@link #newStore} returns an empty store. */
public abstract class AdminAuditRepositoryContract {

    protected abstract LadderStore newStore();

    private AdminAuditRepository audit;

    @BeforeEach
    void setUpStore() {
        audit = newStore().audit();
    }

    @Test
    void appendsInOrderAndListsNewestFirst() {
        AdminAction clear = new AdminAction(PlayerId.of(1), AdminActionKind.CLEAR_QUEUE, "-", "12 players", "", at(1));
        AdminAction remove = new AdminAction(PlayerId.of(2), AdminActionKind.REMOVE_QUEUE, "player:7", "", "afk",
                at(2));
        AdminAction snapshot = new AdminAction(PlayerId.of(1), AdminActionKind.SNAPSHOT, "-", "", "", at(3));

        AuditEntry first = audit.append(clear);
        AuditEntry second = audit.append(remove);
        AuditEntry third = audit.append(snapshot);

        assertThat(first.action()).isEqualTo(clear);
        assertThat(first.sequence()).isLessThan(second.sequence());
        assertThat(second.sequence()).isLessThan(third.sequence());
        assertThat(audit.recent(10)).containsExactly(third, second, first);
        assertThat(audit.recent(2)).containsExactly(third, second);
        assertThat(audit.aboutTarget("player:7", 10)).containsExactly(second);
        assertThat(audit.aboutTarget("-", 10)).containsExactly(third, first);
        assertThat(audit.byAdmin(PlayerId.of(1), 1)).containsExactly(third);
        assertThat(audit.byAdmin(PlayerId.of(3), 10)).isEmpty();
    }
}
