/**
 * notification-core: per-player mailboxes, the two-phase dispatcher, rate limiters with a model
 * of Discord's limits, and the simulation of a wave. Plain Java on top of matchmaking-core
 * (player ids, injected time), whose types its API carries.
 */
module dev.matchwave.notification {
    requires transitive dev.matchwave.matchmaking;
    requires static org.jspecify;

    exports dev.matchwave.notification;
    exports dev.matchwave.notification.dispatch;
    exports dev.matchwave.notification.mailbox;
    exports dev.matchwave.notification.ratelimit;
    exports dev.matchwave.notification.simulation;
}
