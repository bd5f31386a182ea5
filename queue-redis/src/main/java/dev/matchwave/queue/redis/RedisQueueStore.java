package dev.matchwave.queue.redis;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.queue.store.EntryKey;
import dev.matchwave.matchmaking.queue.store.QueueStore;
import dev.matchwave.matchmaking.queue.store.StoredEntry;
import dev.matchwave.matchmaking.queue.store.StoredQueue;
import dev.matchwave.matchmaking.queue.store.WaveCommit;
import dev.matchwave.matchmaking.queue.store.WaveStart;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@link QueueStore} on Redis, the first-in-first-out Redis matcher done right: every write is
 * one Lua script, which Redis runs alone, so a join checks "already queued, in a match" and
 * stores the entry and its join in one step (no duplicate, whatever runs concurrently), and a
 * wave's commit takes all its players out of the queue and into "in a match" at once.
 *
 * <p>Keys (all under one hash tag, so a Redis Cluster keeps them in one slot):
 * {@code <prefix>entries} (player to his entry's fixed part, {@link EntryCodec}),
 * {@code seq} (player to his entry's sequence), {@code cycles}, {@code contacts},
 * {@code inmatch} (a set), {@code joins} (player to his recent join times, comma-separated
 * microseconds) and {@code lastwave}.
 *
 * <p>A wave: its matches live in another store (the ladder's PostgreSQL), so they cannot share a
 * transaction with the queue. {@link #commitWave} runs the work (creating the matches) first and
 * stores the queue's part after it: a crash in between leaves the players queued and in a match,
 * and the bot's start-up marks every player of an open match as in a match (taking him out of
 * the queue), so the restored state is the matches after the wave.
 *
 * <p>Thread-safe (a pool of connections); every method blocks on Redis. A lost connection is
 * reported as {@code UNAVAILABLE}.
 */
public final class RedisQueueStore implements QueueStore, AutoCloseable {

    private static final String DROP = """
            local function drop(p)
              redis.call('HDEL', KEYS[1], p); redis.call('HDEL', KEYS[2], p)
              redis.call('HDEL', KEYS[3], p); redis.call('HDEL', KEYS[4], p)
            end
            local function holds(p, s) return redis.call('HGET', KEYS[2], p) == s end
            """;
    /** ARGV: player, sequence, entry, joinedMicros, forgetBeforeMicros. */
    private static final String ADD = """
            if redis.call('SISMEMBER', KEYS[5], ARGV[1]) == 1 then return 'IN_MATCH' end
            if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[3]) == 0 then return 'QUEUED' end
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
            redis.call('HSET', KEYS[3], ARGV[1], '0')
            local kept = {}
            local old = redis.call('HGET', KEYS[6], ARGV[1])
            if old then
              for t in string.gmatch(old, '[^,]+') do
                if tonumber(t) >= tonumber(ARGV[5]) then table.insert(kept, t) end
              end
            end
            table.insert(kept, ARGV[4])
            redis.call('HSET', KEYS[6], ARGV[1], table.concat(kept, ','))
            return 'OK'
            """;
    /** ARGV: player, sequence, contact. */
    private static final String ATTACH = DROP + """
            if not holds(ARGV[1], ARGV[2]) then return 0 end
            redis.call('HSET', KEYS[4], ARGV[1], ARGV[3])
            return 1
            """;
    /** ARGV: player, sequence. */
    private static final String REMOVE = DROP + """
            if not holds(ARGV[1], ARGV[2]) then return 0 end
            drop(ARGV[1])
            return 1
            """;
    private static final String REMOVE_ALL = """
            redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
            return 1
            """;
    /** ARGV: player. */
    private static final String MARK_IN_MATCH = DROP + """
            drop(ARGV[1])
            redis.call('SADD', KEYS[5], ARGV[1])
            return 1
            """;
    /** ARGV: wave number, expired count, then expired (player, sequence) pairs, then waited pairs. */
    private static final String START_WAVE = DROP + """
            local expired = tonumber(ARGV[2])
            for i = 3, 2 + 2 * expired, 2 do
              if holds(ARGV[i], ARGV[i + 1]) then drop(ARGV[i]) end
            end
            for i = 3 + 2 * expired, #ARGV, 2 do
              if holds(ARGV[i], ARGV[i + 1]) then redis.call('HINCRBY', KEYS[3], ARGV[i], 1) end
            end
            local last = tonumber(redis.call('GET', KEYS[7]) or '0')
            if tonumber(ARGV[1]) > last then redis.call('SET', KEYS[7], ARGV[1]) end
            return 1
            """;
    /** ARGV: matched (player, sequence) pairs. */
    private static final String COMMIT_WAVE = DROP + """
            for i = 1, #ARGV, 2 do
              if holds(ARGV[i], ARGV[i + 1]) then drop(ARGV[i]) end
              redis.call('SADD', KEYS[5], ARGV[i])
            end
            return 1
            """;
    /** One consistent read of everything. */
    private static final String LOAD = """
            return {redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]),
                    redis.call('HGETALL', KEYS[3]), redis.call('HGETALL', KEYS[4]),
                    redis.call('SMEMBERS', KEYS[5]), redis.call('HGETALL', KEYS[6]),
                    redis.call('GET', KEYS[7]) or '0'}
            """;

    private final JedisPooled redis;
    private final boolean owned;
    private final List<String> keys;

    /**
     * A store on {@code redis} (which the caller owns and closes) under {@code prefix}
     * (e.g. {@code "matchwave:"}; several ladders may share one Redis under different prefixes).
     */
    public RedisQueueStore(JedisPooled redis, String prefix) {
        this(redis, prefix, false);
    }

    private RedisQueueStore(JedisPooled redis, String prefix, boolean owned) {
        this.redis = Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(prefix, "prefix");
        this.owned = owned;
        String base = prefix + "{queue}:";
        this.keys = List.of(base + "entries", base + "seq", base + "cycles", base + "contacts", base + "inmatch",
                base + "joins", base + "lastwave");
    }

    /** A store on the Redis at {@code host:port}, with its own connection pool (closed by {@link #close()}). */
    public static RedisQueueStore connect(String host, int port, String prefix) {
        return new RedisQueueStore(new JedisPooled(host, port), prefix, true);
    }

    @Override
    public StoredQueue load(Instant joinsSince) {
        long since = EntryCodec.micros(joinsSince);
        List<?> all = (List<?>) call("read the queue", LOAD, List.of());
        Map<String, String> entries = hash(all.get(0));
        Map<String, String> sequences = hash(all.get(1));
        Map<String, String> cycles = hash(all.get(2));
        Map<String, String> contacts = hash(all.get(3));
        List<StoredEntry> stored = new ArrayList<>(entries.size());
        entries.forEach((player, value) -> {
            PlayerId id = PlayerId.of(Long.parseLong(player));
            EntryCodec.Decoded decoded = EntryCodec.decode(id, value, Integer.parseInt(cycles.getOrDefault(player, "0")));
            stored.add(new StoredEntry(decoded.player(), Long.parseLong(sequences.get(player)), decoded.deadline(),
                    Optional.ofNullable(contacts.get(player))));
        });
        Set<PlayerId> inMatch = new HashSet<>();
        for (Object member : (List<?>) all.get(4)) {
            inMatch.add(PlayerId.of(Long.parseLong(member.toString())));
        }
        Map<PlayerId, List<Instant>> joins = new HashMap<>();
        hash(all.get(5)).forEach((player, times) -> {
            List<Instant> kept = new ArrayList<>();
            for (String t : times.split(",")) {
                if (Long.parseLong(t) >= since) {
                    kept.add(EntryCodec.instant(t));
                }
            }
            if (!kept.isEmpty()) {
                joins.put(PlayerId.of(Long.parseLong(player)), kept);
            }
        });
        return new StoredQueue(stored, inMatch, joins, Long.parseLong(all.get(6).toString()));
    }

    @Override
    public void add(StoredEntry entry, Instant forgetJoinsBefore) {
        PlayerId player = entry.player().id();
        Object result = call("queue player " + player, ADD, List.of(Long.toString(player.value()),
                Long.toString(entry.sequence()), EntryCodec.encode(entry.player(), entry.deadline()),
                Long.toString(EntryCodec.micros(entry.player().joinedAt())),
                Long.toString(EntryCodec.micros(forgetJoinsBefore))));
        switch (result.toString()) {
            case "OK" -> {
                entry.contact().ifPresent(contact -> attach(entry.key(), contact));
            }
            case "IN_MATCH" -> throw StoreException.duplicate("player " + player + " is in a match");
            default -> throw StoreException.duplicate("player " + player + " is queued already");
        }
    }

    @Override
    public boolean attach(EntryKey key, String contact) {
        Objects.requireNonNull(contact, "contact");
        return one(call("attach a contact to the entry of player " + key.player(), ATTACH,
                List.of(Long.toString(key.player().value()), Long.toString(key.sequence()), contact)));
    }

    @Override
    public boolean remove(EntryKey key) {
        return one(call("remove the entry of player " + key.player(), REMOVE,
                List.of(Long.toString(key.player().value()), Long.toString(key.sequence()))));
    }

    @Override
    public void removeAll() {
        call("empty the queue", REMOVE_ALL, List.of());
    }

    @Override
    public void markInMatch(PlayerId player) {
        call("mark player " + player + " in a match", MARK_IN_MATCH, List.of(Long.toString(player.value())));
    }

    @Override
    public void release(PlayerId player) {
        try {
            redis.srem(keys.get(4), Long.toString(player.value()));
        } catch (JedisException e) {
            throw failure("release player " + player, e);
        }
    }

    @Override
    public void startWave(WaveStart start) {
        List<String> args = new ArrayList<>(2 + 2 * (start.expired().size() + start.waited().size()));
        args.add(Long.toString(start.number()));
        args.add(Integer.toString(start.expired().size()));
        addKeys(args, start.expired());
        addKeys(args, start.waited());
        call("start wave " + start.number(), START_WAVE, args);
    }

    @Override
    public WaveCommit commitWave(Supplier<WaveCommit> work) {
        WaveCommit commit = Objects.requireNonNull(work.get(), "the wave's work returned null");
        if (!commit.matched().isEmpty()) {
            List<String> args = new ArrayList<>(2 * commit.matched().size());
            addKeys(args, commit.matched());
            call("commit wave " + commit.number(), COMMIT_WAVE, args);
        }
        return commit;
    }

    /** Closes the connection pool if this store opened it. */
    @Override
    public void close() {
        if (owned) {
            redis.close();
        }
    }

    private static void addKeys(List<String> args, List<EntryKey> keys) {
        for (EntryKey key : keys) {
            args.add(Long.toString(key.player().value()));
            args.add(Long.toString(key.sequence()));
        }
    }

    private Object call(String operation, String script, List<String> args) {
        try {
            return redis.eval(script, keys, args);
        } catch (JedisException e) {
            throw failure(operation, e);
        }
    }

    private static StoreException failure(String operation, JedisException e) {
        if (e instanceof JedisConnectionException) {
            return new StoreException(StoreException.Kind.UNAVAILABLE, operation + ": Redis is unreachable ("
                    + e.getMessage() + ")", e);
        }
        return new StoreException(StoreException.Kind.UNAVAILABLE, operation + ": Redis failed (" + e.getMessage()
                + ")", e);
    }

    private static boolean one(Object result) {
        return result instanceof Long n && n == 1L;
    }

    private static Map<String, String> hash(Object flat) {
        List<?> list = (List<?>) flat;
        Map<String, String> map = new HashMap<>(list.size());
        for (int i = 0; i + 1 < list.size(); i += 2) {
            map.put(list.get(i).toString(), list.get(i + 1).toString());
        }
        return map;
    }
}
