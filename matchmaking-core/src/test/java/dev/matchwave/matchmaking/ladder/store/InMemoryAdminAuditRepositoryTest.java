package dev.matchwave.matchmaking.ladder.store;

/** Runs the {@link AdminAuditRepositoryContract} against {@link InMemoryLadderStore}. */
class InMemoryAdminAuditRepositoryTest extends AdminAuditRepositoryContract {

    @Override
    protected LadderStore newStore() {
        return new InMemoryLadderStore();
    }
}
