package dev.matchwave.matchmaking.ladder.store;

/** Runs the {@link RatingRepositoryContract} against {@link InMemoryLadderStore}. */
class InMemoryRatingRepositoryTest extends RatingRepositoryContract {

    @Override
    protected LadderStore newStore() {
        return new InMemoryLadderStore();
    }
}
