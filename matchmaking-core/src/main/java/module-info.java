/**
 * matchmaking-core: the queue, the waves, the pairing and its rules, the match lifecycle,
 * ratings, ranks and seasons. Plain Java: it reads nothing but the JDK (and JSpecify's
 * annotations, at compile time only). Every package is API; the pairing's working parts are
 * package-private classes inside {@code dev.matchwave.matchmaking.pairing}.
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
