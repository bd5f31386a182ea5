package dev.matchwave.matchmaking.ladder.store;

/** Runs the {@link PlayerRepositoryContract} against {@link InMemoryLadderStore}. */
class InMemoryPlayerRepositoryTest extends PlayerRepositoryContract {

    @Override
    protected LadderStore newStore() {
        return new InMemoryLadderStore();
    }
}
