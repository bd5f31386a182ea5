package dev.matchwave.matchmaking.ladder.store;

/** Runs {@link SeasonRepositoryContract} against the in-memory store. */
class InMemorySeasonRepositoryTest extends SeasonRepositoryContract {

    @Override
    protected LadderStore newStore() {
        return new InMemoryLadderStore();
    }
}
