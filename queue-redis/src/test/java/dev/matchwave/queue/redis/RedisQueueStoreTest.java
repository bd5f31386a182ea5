package dev.matchwave.queue.redis;

import dev.matchwave.matchmaking.queue.store.QueueStore;
import dev.matchwave.matchmaking.queue.store.QueueStoreContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.JedisPooled;

/**
 * Runs matchmaking-core's {@link QueueStoreContract} against a real redis-server: each test on
 * its own key prefix (an empty store), a reopen is a new store on the same keys.
 */
class RedisQueueStoreTest extends QueueStoreContract {

    private static final AtomicInteger TESTS = new AtomicInteger();
    private static JedisPooled redis;
    private String prefix;

    @BeforeAll
    static void connect() {
        redis = new JedisPooled("127.0.0.1", RedisServer.shared().port());
    }

    @AfterAll
    static void disconnect() {
        // Null when connect() was skipped (no redis-server here): the skip must stay a skip.
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected QueueStore newStore() {
        prefix = "test" + TESTS.incrementAndGet() + ":";
        return new RedisQueueStore(redis, prefix);
    }

    @Override
    protected QueueStore reopen(QueueStore store) {
        return new RedisQueueStore(redis, prefix);
    }
}
