package dev.matchwave.matchmaking.queue.store;

/** Runs the {@link QueueStoreContract} against {@link InMemoryQueueStore}. */
class InMemoryQueueStoreTest extends QueueStoreContract {

    @Override
    protected QueueStore newStore() {
        return new InMemoryQueueStore();
    }
}
