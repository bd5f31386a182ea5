package dev.matchwave.matchmaking.ladder.store;

/** Runs the {@link MatchRepositoryContract} against {@link InMemoryLadderStore}. */
class InMemoryMatchRepositoryTest extends MatchRepositoryContract {

    @Override
    protected LadderStore newStore() {
        return new InMemoryLadderStore();
    }
}
