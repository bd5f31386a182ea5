/** A queue store on Redis (Jedis), for a standby that takes over from another machine. */
module dev.matchwave.queue.redis {
    requires transitive dev.matchwave.matchmaking;
    requires static org.jspecify;
    requires transitive redis.clients.jedis;

    exports dev.matchwave.queue.redis;
}
