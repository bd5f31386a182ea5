package dev.matchwave.matchmaking.ladder.season;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.rating.RatingRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Starts seasons and applies the resets that wait for a match to end.
 *
 * <p>A new season writes, for every stored rating of a player not in an open match, a
 * {@link LedgerCause#SEASON_RESET} ledger entry from the closing season's final state to the
 * new season's start ({@link #plan}: the rating as the reset says, an empty record); the stored
 * ratings stay the fold of the ledger. The final states are kept as the closing season's records.
 * A player in an open match (a match created before the change) keeps his rating until the match
 * ends ({@link #matchEnded}): its result counts in the old season, then his reset follows.
 *
 * <p>Thread-safe; every method blocks on the store. A reset computed from ratings that a match
 * changed meanwhile is refused by the store as stale and computed again (a few times).
 */
public final class Seasons {

    private static final int ATTEMPTS = 5;

    private final SeasonRepository seasons;
    private final RatingRepository ratings;
    private final Rating initial;
    private final InstantSource clock;

    /**
     * @param seasons and {@code ratings}: of one store (a season's start writes both at once)
     * @param initial the rating system's initial rating (where {@link SeasonReset.Initial} goes)
     */
    public Seasons(SeasonRepository seasons, RatingRepository ratings, Rating initial, InstantSource clock) {
        this.seasons = Objects.requireNonNull(seasons, "seasons");
        this.ratings = Objects.requireNonNull(ratings, "ratings");
        this.initial = Objects.requireNonNull(initial, "initial");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The reset of {@code ratings} at {@code at}: one change per rating that the reset changes
     * (its rating, or a record to start again), in the order given.
     */
    public static List<RatingChange> plan(Collection<PlayerRating> ratings, SeasonReset reset, Rating initial,
                                          Instant at) {
        List<RatingChange> changes = new ArrayList<>(ratings.size());
        for (PlayerRating before : ratings) {
            PlayerRating after = new PlayerRating(before.player(), before.race(), reset.apply(before.rating(), initial),
                    0, 0, 0, 0, Optional.empty());
            if (!after.equals(before)) {
                changes.add(new RatingChange(Optional.empty(), LedgerCause.SEASON_RESET, before, after, at));
            }
        }
        return changes;
    }

    /** Every season, oldest first. */
    public List<Season> seasons() {
        return seasons.seasons();
    }

    public Season current() {
        return seasons.current();
    }

    /**
     * Starts the next season now.
     *
     * @param inOpenMatches the players in open matches now (their resets wait for their matches);
     *                      every player whose earlier reset still waits must be among them
     * @throws StoreException {@code STALE} when ratings kept changing over every attempt
     */
    public Season startNext(PlayerId admin, SeasonReset reset, String reason, Set<PlayerId> inOpenMatches) {
        return startNext(admin, reset, List.of(), reason, inOpenMatches);
    }

    /**
     * Starts the next season now, on {@code mapPool} (empty: the closing season's pool).
     *
     * @param inOpenMatches the players in open matches now (their resets wait for their matches);
     *                      every player whose earlier reset still waits must be among them
     * @throws IllegalArgumentException when the map pool breaks a rule of {@link Season#checkedMapPool}
     * @throws StoreException {@code STALE} when ratings kept changing over every attempt
     */
    public Season startNext(PlayerId admin, SeasonReset reset, List<String> mapPool, String reason,
                            Set<PlayerId> inOpenMatches) {
        Objects.requireNonNull(reset, "reset");
        List<String> maps = Season.checkedMapPool(mapPool);
        StoreException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Season current = seasons.current();
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Season next = new Season(current.number() + 1, at, reset, maps.isEmpty() ? current.mapPool() : maps);
            List<PlayerRating> now = ratings.all().stream()
                    .filter(rating -> !inOpenMatches.contains(rating.player())).toList();
            List<RatingChange> changes = plan(now, reset, initial, at);
            AdminAction audit = new AdminAction(admin, AdminActionKind.NEW_SEASON, "season:" + next.number(),
                    "season " + current.number() + " closed, season " + next.number() + " started (reset "
                            + reset.spec() + ", " + changes.size() + " ratings, " + inOpenMatches.size()
                            + " players in a match reset when it ends; " + poolText(next.mapPool()) + ")", reason, at);
            try {
                seasons.start(next, changes, inOpenMatches, audit);
                return next;
            } catch (StoreException e) {
                if (e.kind() != StoreException.Kind.STALE) {
                    throw e;
                }
                last = e;
            }
        }
        throw Objects.requireNonNull(last);
    }

    /**
     * Plans the next season to start at {@code startsAt} (replacing an earlier plan); audited.
     * The caller starts it when it falls due ({@link #startPlannedIfDue}).
     *
     * @throws IllegalArgumentException when {@code startsAt} is not in the future
     */
    public PlannedSeason plan(PlayerId admin, SeasonReset reset, String reason, Instant startsAt) {
        return plan(admin, reset, List.of(), reason, startsAt);
    }

    /**
     * As {@link #plan(PlayerId, SeasonReset, String, Instant)}, on {@code mapPool} (empty: the
     * pool of the season it closes, as it is when the new one starts).
     *
     * @throws IllegalArgumentException when {@code startsAt} is not in the future, or the map
     *         pool breaks a rule of {@link Season#checkedMapPool}
     */
    public PlannedSeason plan(PlayerId admin, SeasonReset reset, List<String> mapPool, String reason,
                              Instant startsAt) {
        List<String> maps = Season.checkedMapPool(mapPool);
        Instant now = clock.instant();
        if (!startsAt.isAfter(now)) {
            throw new IllegalArgumentException("the start " + startsAt + " is not in the future (now " + now
                    + "): start the season now instead");
        }
        Season current = seasons.current();
        PlannedSeason plan = new PlannedSeason(new Season(current.number() + 1,
                startsAt.truncatedTo(ChronoUnit.MICROS), reset, maps), admin, reason);
        seasons.plan(plan, new AdminAction(admin, AdminActionKind.NEW_SEASON, "season:" + plan.season().number(),
                "season " + plan.season().number() + " planned for " + plan.season().startedAt() + " (reset "
                        + reset.spec() + "; " + (maps.isEmpty() ? "the closing season's map pool" : poolText(maps))
                        + ")", reason, now.truncatedTo(ChronoUnit.MICROS)));
        return plan;
    }

    /** The planned season, if any. */
    public Optional<PlannedSeason> planned() {
        return seasons.planned();
    }

    /**
     * Starts the planned season if it is due (as {@link #startNext}, in the planning admin's name).
     *
     * @return the season started, if one was
     */
    public Optional<Season> startPlannedIfDue(Set<PlayerId> inOpenMatches) {
        Optional<PlannedSeason> plan = seasons.planned();
        if (plan.isEmpty() || plan.get().season().startedAt().isAfter(clock.instant())
                || plan.get().season().number() != seasons.current().number() + 1) {
            return Optional.empty();
        }
        return Optional.of(startNext(plan.get().admin(), plan.get().season().reset(), plan.get().season().mapPool(),
                plan.get().reason(), inOpenMatches));
    }

    private static String poolText(List<String> maps) {
        return maps.isEmpty() ? "the configured map pool" : "map pool " + String.join(", ", maps);
    }

    /**
     * A match ended: each of its players whose resets wait for it gets them now, oldest season
     * first (his final record of the old season includes this match).
     */
    public void matchEnded(Collection<PlayerId> players) {
        List<Season> all = seasons();
        for (PlayerId player : players) {
            for (Season season : all.subList(1, all.size())) {
                applyPending(season, player);
            }
        }
    }

    /**
     * Applies every waiting reset of a player who is not in an open match any more (his match
     * ended while no process was there to reset him: a crash, a restart). At start.
     */
    public void catchUp(Set<PlayerId> inOpenMatches) {
        List<Season> all = seasons();
        for (Season season : all.subList(1, all.size())) {
            for (PlayerId player : seasons.pendingResets(season.number())) {
                if (!inOpenMatches.contains(player)) {
                    matchEnded(List.of(player));
                }
            }
        }
    }

    private void applyPending(Season season, PlayerId player) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (!seasons.resetPending(season.number(), player)) {
                return;
            }
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<RatingChange> changes = plan(ratings.ratingsOf(player).values(), season.reset(), initial, at);
            try {
                seasons.applyDeferred(season.number(), player, changes);
                return;
            } catch (StoreException e) {
                if (e.kind() != StoreException.Kind.STALE || attempt == ATTEMPTS - 1) {
                    throw e;
                }
            }
        }
    }

    /**
     * When {@code season} ended: the next one's start (its final standings are ranked as of then).
     *
     * @throws IllegalArgumentException when {@code season} is not over (or does not exist)
     */
    public Instant endOf(int season) {
        List<Season> all = seasons();
        if (season < 1 || season >= all.size()) {
            throw new IllegalArgumentException(season < 1 || season > all.size()
                    ? "there is no season " + season + " (seasons 1 to " + all.size() + ")"
                    : "season " + season + " is the current season: it has no final standings yet");
        }
        return all.get(season).startedAt();
    }
}
