/**
 * matchwave's domain: the queue, the wave matchmaker, the pairing, the match lifecycle, ratings
 * and ranks. JDK only (and JSpecify's annotations, at compile time).
 */
module dev.matchwave.matchmaking {
    requires static org.jspecify;

    exports dev.matchwave.matchmaking;
    exports dev.matchwave.matchmaking.ladder;
    exports dev.matchwave.matchmaking.ladder.admin;
    exports dev.matchwave.matchmaking.ladder.audit;
    exports dev.matchwave.matchmaking.ladder.lifecycle;
    exports dev.matchwave.matchmaking.ladder.match;
    exports dev.matchwave.matchmaking.ladder.penalty;
    exports dev.matchwave.matchmaking.ladder.player;
    exports dev.matchwave.matchmaking.ladder.rank;
    exports dev.matchwave.matchmaking.ladder.rating;
    exports dev.matchwave.matchmaking.ladder.roles;
    exports dev.matchwave.matchmaking.ladder.season;
    exports dev.matchwave.matchmaking.ladder.store;
    exports dev.matchwave.matchmaking.pairing;
    exports dev.matchwave.matchmaking.queue;
    exports dev.matchwave.matchmaking.queue.store;
    exports dev.matchwave.matchmaking.rules;
    exports dev.matchwave.matchmaking.time;
}
