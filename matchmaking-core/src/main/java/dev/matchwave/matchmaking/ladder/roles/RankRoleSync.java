package dev.matchwave.matchmaking.ladder.roles;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.rank.Ranks;
import dev.matchwave.matchmaking.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Keeps every player's rank role in step with his best rank, in every configured guild.
 *
 * <p>A <em>re-rank</em> ({@link #rerank}) ranks the whole population ({@code ranks}), works out
 * each player's wanted role ({@link RankRoles#wanted(Ranks)}) and compares it with the roles he
 * holds ({@link HeldRoles}); every player whose roles differ is owed a change. Ranks are
 * percentiles, so one match can move other players' letters: that is why a rating change
 * ({@link #ratingsChanged}) re-ranks everyone, after a short {@code debounce} that lets a burst
 * of results share one re-rank. A re-rank also runs every {@code refresh} (ranks age out of the
 * active window with no rating change) and at {@link #start}.
 *
 * <p>What is owed is coalesced per (guild, player): a later wanted role replaces one not yet
 * sent. At most {@code maxInFlight} players are being changed at once, each with his plan
 * ({@link RolePlan}: add the wanted role, then remove the other managed roles he holds) carried
 * out one request after the other; a role the platform accepted is recorded in {@link HeldRoles}
 * before the next request. A failure that may pass is tried again after {@code retryDelay}; a
 * refusal for good (missing permission, a role above the bot or deleted) stops the guild's rank
 * roles until the next start, logged once, so a misconfiguration never turns into a stream of
 * refused requests. Pacing is not done here: the {@link MemberRoles} port sends through the
 * bot's rate limiter, below the player-facing messages.
 *
 * <p>Thread-safe. One lock guards the owed changes, the players in flight, the held roles in
 * memory and the figures; it is never held while calling the port, the store or the ranks.
 * Store writes, re-ranks and the next request of a plan run on {@code executor}; timers on
 * {@code scheduler}.
 */
public final class RankRoleSync implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RankRoleSync.class.getName());

    /** What the sync did so far. */
    public record Figures(long reranks, long owed, long requests, long done, long notMember, long refused,
                          long failed, int pending, int inFlight) {
        /** Nothing owed and nothing in flight. */
        public boolean idle() {
            return pending == 0 && inFlight == 0;
        }
    }

    private record Key(String guild, PlayerId player) {
    }

    private final Map<String, RankRoles> guilds;
    private final HeldRoles store;
    private final MemberRoles roles;
    private final Supplier<Ranks> ranks;
    private final Scheduler scheduler;
    private final Executor executor;
    private final Duration debounce;
    private final Duration refresh;
    private final Duration retryDelay;
    private final int maxInFlight;

    private final Object lock = new Object();
    private final Object rerankLock = new Object();
    /** Guarded by lock. */
    private final Map<String, Map<PlayerId, Set<String>>> held = new HashMap<>();
    private final LinkedHashMap<Key, Optional<String>> pending = new LinkedHashMap<>();
    private final Set<Key> inFlight = new HashSet<>();
    /** Every player's wanted role at the latest re-rank, by guild: what a retry asks for. */
    private final Map<String, Map<PlayerId, Optional<String>>> lastWanted = new HashMap<>();
    private final Set<String> stopped = new HashSet<>();
    private boolean rerankScheduled;
    private boolean closed;
    private Scheduler.@Nullable Cancellable refreshTimer;
    private long reranks;
    private long owed;
    private long requests;
    private long done;
    private long notMember;
    private long refused;
    private long failed;

    private RankRoleSync(Builder b) {
        this.guilds = Map.copyOf(b.guilds);
        this.store = Objects.requireNonNull(b.store, "held roles");
        this.roles = Objects.requireNonNull(b.roles, "member roles");
        this.ranks = Objects.requireNonNull(b.ranks, "ranks");
        this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
        this.executor = Objects.requireNonNull(b.executor, "executor");
        this.debounce = b.debounce;
        this.refresh = b.refresh;
        this.retryDelay = b.retryDelay;
        this.maxInFlight = b.maxInFlight;
    }

    public static Builder builder(Map<String, RankRoles> guilds, HeldRoles held, MemberRoles roles,
                                  Supplier<Ranks> ranks) {
        return new Builder(guilds, held, roles, ranks);
    }

    /** Reads the held roles (blocking on the store) and runs the first re-rank; arms the refresh. */
    public void start() {
        for (String guild : guilds.keySet()) {
            Map<PlayerId, Set<String>> stored = store.heldIn(guild);
            synchronized (lock) {
                Map<PlayerId, Set<String>> mine = held.computeIfAbsent(guild, g -> new HashMap<>());
                stored.forEach((p, r) -> mine.put(p, new HashSet<>(r)));
            }
        }
        rerank();
        armRefresh();
    }

    private void armRefresh() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            refreshTimer = scheduler.schedule(() -> executor.execute(() -> {
                rerank();
                armRefresh();
            }), refresh);
        }
    }

    /** A rating changed: a re-rank follows after the debounce (one for a burst of changes). */
    public void ratingsChanged() {
        synchronized (lock) {
            if (rerankScheduled || closed) {
                return;
            }
            rerankScheduled = true;
        }
        scheduler.schedule(() -> executor.execute(() -> {
            synchronized (lock) {
                rerankScheduled = false;
            }
            rerank();
        }), debounce);
    }

    /**
     * Ranks everybody now and owes a change to every player whose roles differ from his wanted
     * role; blocks on the ranks' source. Returns how many players were owed a change.
     */
    public int rerank() {
        synchronized (rerankLock) {
            Ranks now;
            try {
                now = ranks.get();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "rank roles: the re-rank could not read the ranks; the next one tries again", e);
                return 0;
            }
            int count = 0;
            synchronized (lock) {
                if (closed) {
                    return 0;
                }
                reranks++;
                for (Map.Entry<String, RankRoles> guild : guilds.entrySet()) {
                    if (stopped.contains(guild.getKey())) {
                        continue;
                    }
                    Map<PlayerId, Optional<String>> wanted = guild.getValue().wanted(now);
                    lastWanted.put(guild.getKey(), wanted);
                    Map<PlayerId, Set<String>> his = held.computeIfAbsent(guild.getKey(), g -> new HashMap<>());
                    Set<PlayerId> players = new LinkedHashSet<>(wanted.keySet());
                    players.addAll(his.keySet());
                    for (PlayerId player : players) {
                        Optional<String> role = wanted.getOrDefault(player, Optional.empty());
                        Key key = new Key(guild.getKey(), player);
                        boolean differs = !RolePlan.of(his.getOrDefault(player, Set.of()), role,
                                guild.getValue().managed()).isEmpty();
                        // A player in flight is owed his latest wanted role even if it matches what he
                        // holds now: the change on its way may be to an older one.
                        if (differs || inFlight.contains(key) || pending.containsKey(key)) {
                            pending.put(key, role);
                            count++;
                        }
                    }
                }
                owed += count;
            }
            pump();
            return count;
        }
    }

    /** What the sync did so far; {@code idle()} once everything owed went through. */
    public Figures figures() {
        synchronized (lock) {
            return new Figures(reranks, owed, requests, done, notMember, refused, failed, pending.size(),
                    inFlight.size());
        }
    }

    /** The roles a player holds in a guild, as the ladder knows them. */
    public Set<String> heldBy(String guild, PlayerId player) {
        synchronized (lock) {
            return Set.copyOf(held.getOrDefault(guild, Map.of()).getOrDefault(player, Set.of()));
        }
    }

    /** Stops: nothing new starts; changes in flight finish their current request. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            pending.clear();
            if (refreshTimer != null) {
                refreshTimer.cancel();
            }
        }
    }

    // ---- carrying out the plans ----

    private void pump() {
        List<Map.Entry<Key, Optional<String>>> starting = new ArrayList<>();
        synchronized (lock) {
            Iterator<Map.Entry<Key, Optional<String>>> it = pending.entrySet().iterator();
            while (inFlight.size() < maxInFlight && it.hasNext() && !closed) {
                Map.Entry<Key, Optional<String>> next = it.next();
                if (inFlight.contains(next.getKey())) {
                    continue;
                }
                if (stopped.contains(next.getKey().guild())) {
                    it.remove();
                    continue;
                }
                it.remove();
                inFlight.add(next.getKey());
                starting.add(Map.entry(next.getKey(), next.getValue()));
            }
        }
        for (Map.Entry<Key, Optional<String>> start : starting) {
            executor.execute(() -> step(start.getKey(), start.getValue()));
        }
    }

    /** Sends the next request of the player's plan, planned against what he holds now. */
    private void step(Key key, Optional<String> wanted) {
        RankRoles config = guilds.get(key.guild());
        RolePlan plan;
        synchronized (lock) {
            plan = closed || stopped.contains(key.guild()) ? RolePlan.NONE
                    : RolePlan.of(held.get(key.guild()).getOrDefault(key.player(), Set.of()), wanted, config.managed());
            if (plan.isEmpty()) {
                inFlight.remove(key);
            } else {
                requests++;
            }
        }
        if (plan.isEmpty()) {
            pump();
            return;
        }
        if (!plan.add().isEmpty()) {
            String role = plan.add().iterator().next();
            roles.add(key.guild(), key.player(), role)
                    .whenComplete((result, error) -> executor.execute(() -> answered(key, wanted, role, true,
                            error == null ? result : MemberRoles.Result.FAILED)));
        } else {
            String role = plan.remove().iterator().next();
            roles.remove(key.guild(), key.player(), role)
                    .whenComplete((result, error) -> executor.execute(() -> answered(key, wanted, role, false,
                            error == null ? result : MemberRoles.Result.FAILED)));
        }
    }

    private void answered(Key key, Optional<String> wanted, String role, boolean adding, MemberRoles.Result result) {
        switch (result) {
            case DONE -> {
                try {
                    if (adding) {
                        store.given(key.guild(), key.player(), role);
                    } else {
                        store.taken(key.guild(), key.player(), role);
                    }
                } catch (RuntimeException e) {
                    // The platform has it; the store will learn it at the next change or start
                    // (adding or removing a role twice is harmless).
                    LOG.log(System.Logger.Level.WARNING, "rank roles: could not record role " + role + " of player "
                            + key.player() + " in guild " + key.guild(), e);
                }
                synchronized (lock) {
                    done++;
                    Set<String> his = held.get(key.guild()).computeIfAbsent(key.player(), p -> new HashSet<>());
                    if (adding) {
                        his.add(role);
                    } else {
                        his.remove(role);
                    }
                }
                step(key, wanted);
            }
            case NOT_A_MEMBER -> {
                synchronized (lock) {
                    notMember++;
                    // He holds nothing in a guild he is not in; the next change tries again.
                    held.get(key.guild()).remove(key.player());
                }
                try {
                    Set<String> recorded = store.heldIn(key.guild()).getOrDefault(key.player(), Set.of());
                    recorded.forEach(r -> store.taken(key.guild(), key.player(), r));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "rank roles: could not forget the roles of player " + key.player(), e);
                }
                synchronized (lock) {
                    inFlight.remove(key);
                }
            }
            case REFUSED -> {
                boolean first;
                synchronized (lock) {
                    refused++;
                    first = stopped.add(key.guild());
                    pending.keySet().removeIf(k -> k.guild().equals(key.guild()));
                    inFlight.remove(key);
                }
                if (first) {
                    LOG.log(System.Logger.Level.ERROR, "rank roles in guild " + key.guild() + " stopped until the next start: "
                            + (adding ? "adding" : "removing") + " role " + role + " was refused (the bot needs"
                            + " Manage Roles, its highest role must be above every rank role, and the role must"
                            + " exist)");
                }
            }
            case FAILED -> {
                synchronized (lock) {
                    failed++;
                    inFlight.remove(key);
                    if (!closed) {
                        scheduler.schedule(() -> executor.execute(() -> {
                            synchronized (lock) {
                                if (closed) {
                                    return;
                                }
                                // The latest wanted role, not the one that failed: a re-rank may have moved on.
                                if (!inFlight.contains(key)) {
                                    pending.putIfAbsent(key, lastWanted.getOrDefault(key.guild(), Map.of())
                                            .getOrDefault(key.player(), Optional.empty()));
                                }
                            }
                            pump();
                        }), retryDelay);
                    }
                }
            }
        }
        if (result != MemberRoles.Result.DONE) {
            pump();
        }
    }

    /** Builds a {@link RankRoleSync}; validated when built. Not thread-safe. */
    public static final class Builder {
        private final Map<String, RankRoles> guilds;
        private final HeldRoles store;
        private final MemberRoles roles;
        private final Supplier<Ranks> ranks;
        private @Nullable Scheduler scheduler;
        private @Nullable Executor executor;
        private Duration debounce = Duration.ofSeconds(2);
        private Duration refresh = Duration.ofHours(1);
        private Duration retryDelay = Duration.ofSeconds(30);
        private int maxInFlight = 4;

        private Builder(Map<String, RankRoles> guilds, HeldRoles store, MemberRoles roles, Supplier<Ranks> ranks) {
            this.guilds = Map.copyOf(Objects.requireNonNull(guilds, "guilds"));
            if (this.guilds.isEmpty()) {
                throw new IllegalArgumentException("rank roles need at least one guild");
            }
            this.store = Objects.requireNonNull(store, "held");
            this.roles = Objects.requireNonNull(roles, "roles");
            this.ranks = Objects.requireNonNull(ranks, "ranks");
        }

        /** Where timers run (debounce, refresh, retries). */
        public Builder scheduler(Scheduler value) {
            scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /** Where re-ranks, store writes and the next request of a plan run (virtual threads in the bot). */
        public Builder executor(Executor value) {
            executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /** How long after a rating change the re-rank runs (default 2 s). */
        public Builder debounce(Duration value) {
            debounce = positive("debounce", value);
            return this;
        }

        /** How often a re-rank runs with no rating change (default 1 h). */
        public Builder refresh(Duration value) {
            refresh = positive("refresh", value);
            return this;
        }

        /** How long a failed change waits before it is tried again (default 30 s). */
        public Builder retryDelay(Duration value) {
            retryDelay = positive("retryDelay", value);
            return this;
        }

        /** Players changed at once (default 4). */
        public Builder maxInFlight(int value) {
            if (value < 1 || value > 64) {
                throw new IllegalArgumentException("maxInFlight must be from 1 to 64, got " + value);
            }
            maxInFlight = value;
            return this;
        }

        public RankRoleSync build() {
            if (scheduler == null || executor == null) {
                throw new IllegalStateException("rank role sync needs a scheduler and an executor");
            }
            return new RankRoleSync(this);
        }

        private static Duration positive(String field, Duration value) {
            Objects.requireNonNull(value, field);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + " must be positive, got " + value);
            }
            return value;
        }
    }
}
