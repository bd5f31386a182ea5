/**
 * The queue on Redis: {@link dev.matchwave.queue.redis.RedisQueueStore}, a
 * {@link dev.matchwave.matchmaking.queue.store.QueueStore} whose writes are Lua scripts, so a
 * join is duplicate-free and a wave is atomic.
 */
@NullMarked
package dev.matchwave.queue.redis;

import org.jspecify.annotations.NullMarked;
