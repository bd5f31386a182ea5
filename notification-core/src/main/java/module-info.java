/**
 * matchwave's notifications: per-player mailboxes, the two-phase dispatcher, rate limiters and a
 * model of Discord's limits. JDK and matchmaking-core only (and JSpecify's annotations, at
 * compile time).
 */
module dev.matchwave.notification {
    // Its notifications name the core's players and matches, and its timers use the core's clock.
    requires transitive dev.matchwave.matchmaking;
    requires static org.jspecify;

    exports dev.matchwave.notification;
    exports dev.matchwave.notification.dispatch;
    exports dev.matchwave.notification.mailbox;
    exports dev.matchwave.notification.ratelimit;
    exports dev.matchwave.notification.simulation;
}
