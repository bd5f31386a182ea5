package dev.matchwave.bot.ladder;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.season.PlannedSeason;
import dev.matchwave.matchmaking.ladder.season.Season;
import dev.matchwave.matchmaking.ladder.season.SeasonReset;
import dev.matchwave.matchmaking.ladder.season.Seasons;
import dev.matchwave.matchmaking.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ladder's seasons as the bot runs them: a season started now or planned (its start armed on
 * the scheduler, and armed again after a restart), and the rules every match is made under: the
 * configured rules on the season's map pool. A season starts between waves ({@link WavePath#underWaveLock}),
 * so a match is either made before the change (its players' resets wait for it) or after it, on
 * the new season's pool. Logs as the ladder ({@code LadderApplication}'s logger).
 *
 * <p>Thread-safe: the rules in force are volatile, replaced under the wave lock; the timer of
 * the planned start has its own lock.
 */
final class SeasonControl {

    private static final Logger LOG = LoggerFactory.getLogger(LadderApplication.class);

    private final Seasons seasons;
    private final MatchRules rules;
    private final InstantSource clock;
    private final Scheduler scheduler;
    private final BooleanSupplier closing;
    private final Supplier<Set<PlayerId>> playersInOpenMatches;
    /** Told the rules of each season that starts (the queue pairs on them from its next wave). */
    private final Consumer<MatchRules> rulesChanged;
    private volatile @Nullable WavePath waves;
    /** The configured rules on the current season's map pool; replaced under the wave lock when a season starts. */
    private volatile MatchRules seasonRules;
    /** The start of the planned season, when one is planned; guarded by {@link #timerLock}. */
    private Scheduler.@Nullable Cancellable timer;
    private final Object timerLock = new Object();

    /**
     * @param rules                the configured rules (a season's map pool replaces theirs)
     * @param playersInOpenMatches the players whose resets wait for their matches (blocks on the database)
     */
    SeasonControl(Seasons seasons, MatchRules rules, InstantSource clock, Scheduler scheduler, BooleanSupplier closing,
                  Supplier<Set<PlayerId>> playersInOpenMatches, Consumer<MatchRules> rulesChanged) {
        this.seasons = Objects.requireNonNull(seasons, "seasons");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.closing = Objects.requireNonNull(closing, "closing");
        this.playersInOpenMatches = Objects.requireNonNull(playersInOpenMatches, "playersInOpenMatches");
        this.rulesChanged = Objects.requireNonNull(rulesChanged, "rulesChanged");
        this.seasonRules = rulesOf(seasons.current());
    }

    /** The waves a season's start waits for; before {@link #armPlan}. */
    void between(WavePath waves) {
        this.waves = Objects.requireNonNull(waves, "waves");
    }

    private WavePath waves() {
        return Objects.requireNonNull(waves, "between() comes before a season starts");
    }

    /** The configured rules on the current season's map pool: what the next match is made under. */
    MatchRules seasonRules() {
        return seasonRules;
    }

    /** As {@link LadderApplication#startSeason(PlayerId, SeasonReset, List, String)}. */
    LadderApplication.SeasonStart start(PlayerId admin, SeasonReset reset, List<String> mapPool, String reason) {
        checkMapPool(mapPool); // refuses before anything is written
        return waves().underWaveLock(() -> {
            Set<PlayerId> playing = playersInOpenMatches.get();
            Season started = seasons.startNext(admin, reset, mapPool, reason, playing);
            useSeasonRules(started);
            return new LadderApplication.SeasonStart(started, playing);
        });
    }

    /** As {@link LadderApplication#planSeason(PlayerId, SeasonReset, List, String, Instant)}. */
    PlannedSeason plan(PlayerId admin, SeasonReset reset, List<String> mapPool, String reason, Instant at) {
        checkMapPool(mapPool); // refuses before anything is written
        PlannedSeason plan = seasons.plan(admin, reset, mapPool, reason, at);
        armPlan();
        return plan;
    }

    /** A new season's map pool: empty, or one the rules can play on ({@link Season#checkedMapPool}). */
    private void checkMapPool(List<String> mapPool) {
        if (mapPool.isEmpty()) {
            return;
        }
        if (rules.mapPool().isEmpty()) {
            throw new IllegalArgumentException("the " + rules.name() + " rules have no maps, so a season cannot have a map pool");
        }
        rules.withMapPool(Season.checkedMapPool(mapPool));
    }

    /** The configured rules on this season's map pool (the configured pool when it names none). */
    private MatchRules rulesOf(Season season) {
        if (season.mapPool().isEmpty()) {
            return rules;
        }
        try {
            return rules.withMapPool(season.mapPool());
        } catch (UnsupportedOperationException e) {
            LOG.warn("season {} names a map pool, but the {} rules have no maps: ignored", season.number(), rules.name());
            return rules;
        }
    }

    /** Holding the wave lock: from now on matches are made on {@code season}'s rules. */
    private void useSeasonRules(Season season) {
        MatchRules next = rulesOf(season);
        seasonRules = next;
        rulesChanged.accept(next);
        if (!season.mapPool().isEmpty()) {
            LOG.info("season {} plays on {} maps: {}", season.number(), season.mapPool().size(),
                    String.join(", ", season.mapPool()));
        }
    }

    /** Schedules the planned season's start, replacing an earlier timer. */
    void armPlan() {
        Optional<PlannedSeason> plan;
        try {
            plan = seasons.planned();
        } catch (RuntimeException e) {
            LOG.warn("the planned season could not be read: {}; trying again in 5 s", e.toString());
            scheduleStart(Duration.ofSeconds(5));
            return;
        }
        plan.ifPresent(p -> scheduleStart(Duration.between(clock.instant(), p.season().startedAt())));
    }

    private void scheduleStart(Duration delay) {
        // Its own lock: close() holds the application's monitor while it waits for the wave lock,
        // which the timer holds when it re-arms.
        synchronized (timerLock) {
            if (timer != null) {
                timer.cancel();
            }
            timer = scheduler.schedule(this::startPlanned, delay.isNegative() ? Duration.ZERO : delay);
        }
    }

    private void startPlanned() {
        if (closing.getAsBoolean()) {
            return;
        }
        try {
            waves().underWaveLock(() -> {
                seasons.startPlannedIfDue(playersInOpenMatches.get()).ifPresentOrElse(season -> {
                    LOG.info("season {} started as planned (reset {})", season.number(), season.reset().spec());
                    useSeasonRules(season);
                }, this::armPlan); // not due yet (the scheduler ran early by the clock), or replaced
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("the planned season could not start: {}; trying again in 5 s", e.toString());
            scheduleStart(Duration.ofSeconds(5));
        }
    }
}
