package dev.matchwave.matchmaking.ladder.store;

class InMemoryResultPickRepositoryTest extends ResultPickRepositoryContract {

    @Override
    protected LadderStore newStore() {
        return new InMemoryLadderStore();
    }
}
