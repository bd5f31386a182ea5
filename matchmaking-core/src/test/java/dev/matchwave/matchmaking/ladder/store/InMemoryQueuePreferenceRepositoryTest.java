package dev.matchwave.matchmaking.ladder.store;

/** Runs the {@link QueuePreferenceRepositoryContract} against {@link InMemoryLadderStore}. */
class InMemoryQueuePreferenceRepositoryTest extends QueuePreferenceRepositoryContract {

    @Override
    protected LadderStore newStore() {
        return new InMemoryLadderStore();
    }
}
