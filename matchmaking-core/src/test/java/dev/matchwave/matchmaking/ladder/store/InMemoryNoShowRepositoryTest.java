package dev.matchwave.matchmaking.ladder.store;

/** Runs {@link NoShowRepositoryContract} against the in-memory store. */
class InMemoryNoShowRepositoryTest extends NoShowRepositoryContract {

    @Override
    protected LadderStore newStore() {
        return new InMemoryLadderStore();
    }
}
