package dev.matchwave.matchmaking.ladder.store;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminAuditRepository;
import dev.matchwave.matchmaking.ladder.audit.AuditEntry;
import dev.matchwave.matchmaking.ladder.match.Committed;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchDraft;
import dev.matchwave.matchmaking.ladder.match.MatchRepository;
import dev.matchwave.matchmaking.ladder.match.ResultPickRepository;
import dev.matchwave.matchmaking.ladder.match.Verdict;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.MatchTransition;
import dev.matchwave.matchmaking.ladder.match.Participant;
import dev.matchwave.matchmaking.ladder.penalty.NoShowRepository;
import dev.matchwave.matchmaking.ladder.penalty.QueueBar;
import dev.matchwave.matchmaking.ladder.season.PlannedSeason;
import dev.matchwave.matchmaking.ladder.season.Season;
import dev.matchwave.matchmaking.ladder.season.SeasonRepository;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.player.PlayerRepository;
import dev.matchwave.matchmaking.ladder.player.QueuePreferenceRepository;
import dev.matchwave.matchmaking.ladder.player.SavedPreferences;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.rating.RatingRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * All ladder repositories in memory, for tests, simulations and a bot run without a database.
 *
 * <p>Thread-safe: one lock guards all data, so every write (including a match transition that
 * touches matches, ratings, the ledger, aborts and the audit trail) is atomic and every read
 * sees a consistent state. Nothing blocks beyond that lock; nothing survives the process.
 */
public final class InMemoryLadderStore implements LadderStore {

    private final Object lock = new Object();

    private final Map<PlayerId, Player> players = new HashMap<>();
    private final Map<String, PlayerId> userIds = new HashMap<>();
    private final Map<PlayerId, SavedPreferences> savedPreferences = new HashMap<>();
    private final Map<RatingKey, PlayerRating> ratingRows = new HashMap<>();
    private final List<LedgerEntry> ledgerEntries = new ArrayList<>();
    private final TreeMap<MatchId, Match> matchRows = new TreeMap<>();
    private final Map<PlayerId, MatchId> openMatches = new HashMap<>();
    private final List<AuditEntry> auditEntries = new ArrayList<>();
    private final Map<PlayerId, Map<MatchId, Instant>> timeouts = new HashMap<>();
    private final Map<PlayerId, List<QueueBar>> bars = new HashMap<>();
    private final List<Season> seasonRows = new ArrayList<>(List.of(Season.FIRST));
    private Optional<PlannedSeason> seasonPlan = Optional.empty();
    /** Final records by season, then (player, race). */
    private final Map<Integer, Map<RatingKey, PlayerRating>> seasonRecords = new HashMap<>();
    private final Map<Integer, Set<PlayerId>> pendingResets = new HashMap<>();
    private long nextMatchId = 1;
    /** Told after the write, outside the lock. */
    private final List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final PlayerRepository playerRepository = new Players();
    private final QueuePreferenceRepository preferenceRepository = new Preferences();
    private final RatingRepository ratingRepository = new Ratings();
    private final MatchRepository matchRepository = new Matches();
    private final AdminAuditRepository auditRepository = new Audit();
    private final NoShowRepository noShowRepository = new NoShows();
    private final SeasonRepository seasonRepository = new Seasons();
    private final ResultPicks resultPickRepository = new ResultPicks();

    private record RatingKey(PlayerId player, String race) {
    }

    @Override
    public PlayerRepository players() {
        return playerRepository;
    }

    @Override
    public QueuePreferenceRepository preferences() {
        return preferenceRepository;
    }

    @Override
    public RatingRepository ratings() {
        return ratingRepository;
    }

    @Override
    public MatchRepository matches() {
        return matchRepository;
    }

    @Override
    public AdminAuditRepository audit() {
        return auditRepository;
    }

    @Override
    public NoShowRepository noShows() {
        return noShowRepository;
    }

    @Override
    public SeasonRepository seasons() {
        return seasonRepository;
    }

    @Override
    public ResultPickRepository resultPicks() {
        return resultPickRepository;
    }

    @Override
    public void onRatingsOrProfilesChanged(Runnable listener) {
        changeListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Tells the listeners that ratings or profiles changed (after the write, outside the lock). */
    private void changed() {
        changeListeners.forEach(Runnable::run);
    }

    /** Tells the listeners when {@code written} holds rating changes; returns it. */
    private <T> List<T> changedIfAny(List<T> written) {
        if (!written.isEmpty()) {
            changed();
        }
        return written;
    }

    /** Picks by (match, player); its own map, safe for concurrent use (no store lock needed). */
    private static final class ResultPicks implements ResultPickRepository {
        private record Key(MatchId match, PlayerId player) {
        }

        private final java.util.concurrent.ConcurrentMap<Key, Verdict> picks =
                new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void pick(MatchId match, PlayerId player, Verdict verdict) {
            picks.put(new Key(java.util.Objects.requireNonNull(match, "match"),
                    java.util.Objects.requireNonNull(player, "player")), java.util.Objects.requireNonNull(verdict, "verdict"));
        }

        @Override
        public Optional<Verdict> picked(MatchId match, PlayerId player) {
            return Optional.ofNullable(picks.get(new Key(match, player)));
        }

        @Override
        public void clear(MatchId match, PlayerId player) {
            picks.remove(new Key(match, player));
        }
    }

    // ---- helpers, called with the lock held ----

    private Player requirePlayer(PlayerId id) {
        Player player = players.get(id);
        if (player == null) {
            throw StoreException.notFound("player " + id + " is not registered");
        }
        return player;
    }

    private static void requireLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }

    /** Checks the changes against the stored ratings; returns the rows to write, in order. */
    private Map<RatingKey, PlayerRating> checkRatingChanges(List<RatingChange> changes) {
        Map<RatingKey, PlayerRating> working = new LinkedHashMap<>();
        for (RatingChange change : changes) {
            requirePlayer(change.player());
            RatingKey key = new RatingKey(change.player(), change.race());
            PlayerRating current = working.containsKey(key) ? working.get(key) : ratingRows.get(key);
            boolean matches = current == null ? change.before().isFresh() : current.equals(change.before());
            if (!matches) {
                throw StoreException.stale("rating of player " + change.player() + " " + change.race()
                        + " changed since it was read: stored " + current + ", expected " + change.before());
            }
            working.put(key, change.after());
        }
        return working;
    }

    private List<LedgerEntry> writeRatingChanges(List<RatingChange> changes) {
        List<LedgerEntry> written = new ArrayList<>(changes.size());
        for (RatingChange change : changes) {
            LedgerEntry entry = new LedgerEntry(ledgerEntries.size() + 1L, change);
            ledgerEntries.add(entry);
            ratingRows.put(new RatingKey(change.player(), change.race()), change.after());
            written.add(entry);
        }
        return written;
    }

    private void writeAudit(AdminAction action) {
        auditEntries.add(new AuditEntry(auditEntries.size() + 1L, action));
    }

    private static <T> List<T> newestFirst(List<T> entries, Predicate<T> filter, int limit) {
        requireLimit(limit);
        List<T> result = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && result.size() < limit; i--) {
            T entry = entries.get(i);
            if (filter.test(entry)) {
                result.add(entry);
            }
        }
        return result;
    }

    // ---- repositories ----

    private final class Players implements PlayerRepository {

        @Override
        public Optional<Player> find(PlayerId id) {
            synchronized (lock) {
                return Optional.ofNullable(players.get(id));
            }
        }

        @Override
        public Map<PlayerId, Player> findAll(Collection<PlayerId> ids) {
            synchronized (lock) {
                Map<PlayerId, Player> found = new HashMap<>();
                for (PlayerId id : ids) {
                    Player player = players.get(id);
                    if (player != null) {
                        found.put(id, player);
                    }
                }
                return found;
            }
        }

        @Override
        public Optional<Player> findByUserId(String userId) {
            synchronized (lock) {
                return Optional.ofNullable(userIds.get(userId.toLowerCase(Locale.ROOT))).map(players::get);
            }
        }

        @Override
        public Player register(PlayerId id, int abortsLeft, Instant at) {
            Objects.requireNonNull(at, "at");
            if (abortsLeft < 0) {
                throw StoreException.invalid("abortsLeft must not be negative, got " + abortsLeft);
            }
            synchronized (lock) {
                return players.computeIfAbsent(id, key -> Player.registered(key, abortsLeft, at));
            }
        }

        @Override
        public Player saveProfile(PlayerId id, PlayerProfile profile) {
            Player saved;
            synchronized (lock) {
                Player player = requirePlayer(id);
                String key = profile.userId().toLowerCase(Locale.ROOT);
                PlayerId owner = userIds.get(key);
                if (owner != null && !owner.equals(id)) {
                    throw StoreException.duplicate("user id " + profile.userId() + " is taken");
                }
                player.profile().ifPresent(old -> userIds.remove(old.userId().toLowerCase(Locale.ROOT)));
                userIds.put(key, id);
                Player updated = player.withProfile(profile);
                players.put(id, updated);
                saved = updated;
            }
            changed();
            return saved;
        }

        @Override
        public Player acceptTerms(PlayerId id, Instant at) {
            synchronized (lock) {
                Player player = requirePlayer(id);
                if (player.termsAccepted()) {
                    return player;
                }
                Player updated = player.withTermsAcceptedAt(at);
                players.put(id, updated);
                return updated;
            }
        }

        @Override
        public Player setBanned(PlayerId id, boolean banned, AdminAction audit) {
            Objects.requireNonNull(audit, "audit");
            synchronized (lock) {
                Player updated = requirePlayer(id).withBanned(banned);
                players.put(id, updated);
                writeAudit(audit);
                return updated;
            }
        }

        @Override
        public Player setAbortsLeft(PlayerId id, int abortsLeft, AdminAction audit) {
            Objects.requireNonNull(audit, "audit");
            synchronized (lock) {
                Player player = requirePlayer(id);
                if (abortsLeft < 0) {
                    throw StoreException.invalid("abortsLeft must not be negative, got " + abortsLeft);
                }
                Player updated = player.withAbortsLeft(abortsLeft);
                players.put(id, updated);
                writeAudit(audit);
                return updated;
            }
        }
    }

    private final class Preferences implements QueuePreferenceRepository {

        @Override
        public Optional<SavedPreferences> find(PlayerId player) {
            synchronized (lock) {
                return Optional.ofNullable(savedPreferences.get(player));
            }
        }

        @Override
        public void save(PlayerId player, SavedPreferences preferences) {
            Objects.requireNonNull(preferences, "preferences");
            synchronized (lock) {
                requirePlayer(player);
                savedPreferences.put(player, preferences);
            }
        }

        @Override
        public void delete(PlayerId player) {
            synchronized (lock) {
                savedPreferences.remove(player);
            }
        }
    }

    private final class Ratings implements RatingRepository {

        @Override
        public Optional<PlayerRating> find(PlayerId player, String race) {
            synchronized (lock) {
                return Optional.ofNullable(ratingRows.get(new RatingKey(player, race)));
            }
        }

        @Override
        public Map<String, PlayerRating> ratingsOf(PlayerId player) {
            synchronized (lock) {
                Map<String, PlayerRating> result = new HashMap<>();
                ratingRows.forEach((key, row) -> {
                    if (key.player().equals(player)) {
                        result.put(key.race(), row);
                    }
                });
                return result;
            }
        }

        @Override
        public List<PlayerRating> all() {
            synchronized (lock) {
                return List.copyOf(ratingRows.values());
            }
        }

        @Override
        public List<LedgerEntry> record(List<RatingChange> changes, Optional<AdminAction> audit) {
            Objects.requireNonNull(audit, "audit");
            List<RatingChange> copy = List.copyOf(changes);
            List<LedgerEntry> written;
            synchronized (lock) {
                checkRatingChanges(copy);
                written = writeRatingChanges(copy);
                audit.ifPresent(InMemoryLadderStore.this::writeAudit);
            }
            return changedIfAny(written);
        }

        @Override
        public List<LedgerEntry> ledger(long afterSequence, int limit) {
            requireLimit(limit);
            synchronized (lock) {
                int from = (int) Math.min(Math.max(afterSequence, 0), ledgerEntries.size());
                int to = (int) Math.min((long) from + limit, ledgerEntries.size());
                return List.copyOf(ledgerEntries.subList(from, to));
            }
        }

        @Override
        public List<LedgerEntry> ledgerOf(MatchId match) {
            Optional<MatchId> wanted = Optional.of(match);
            synchronized (lock) {
                return ledgerEntries.stream().filter(e -> e.change().match().equals(wanted)).toList();
            }
        }

        @Override
        public List<LedgerEntry> ledgerOf(PlayerId player, String race) {
            synchronized (lock) {
                return ledgerEntries.stream()
                        .filter(e -> e.player().equals(player) && e.race().equals(race))
                        .toList();
            }
        }
    }

    private final class Matches implements MatchRepository {

        @Override
        public List<Match> createAll(List<MatchDraft> drafts) {
            List<MatchDraft> copy = List.copyOf(drafts);
            synchronized (lock) {
                Set<PlayerId> seen = new HashSet<>();
                for (MatchDraft draft : copy) {
                    for (Participant participant : List.of(draft.player1(), draft.player2())) {
                        PlayerId player = participant.player();
                        requirePlayer(player);
                        if (openMatches.containsKey(player)) {
                            throw StoreException.duplicate("player " + player + " is already in open match "
                                    + openMatches.get(player));
                        }
                        if (!seen.add(player)) {
                            throw StoreException.duplicate("player " + player + " is in two new matches");
                        }
                    }
                }
                List<Match> created = new ArrayList<>(copy.size());
                for (MatchDraft draft : copy) {
                    Match match = draft.toMatch(MatchId.of(nextMatchId++));
                    matchRows.put(match.id(), match);
                    for (PlayerId player : match.players()) {
                        openMatches.put(player, match.id());
                    }
                    created.add(match);
                }
                return created;
            }
        }

        @Override
        public Optional<Match> find(MatchId id) {
            synchronized (lock) {
                return Optional.ofNullable(matchRows.get(id));
            }
        }

        @Override
        public Optional<Match> openMatchOf(PlayerId player) {
            synchronized (lock) {
                return Optional.ofNullable(openMatches.get(player)).map(matchRows::get);
            }
        }

        @Override
        public List<Match> open() {
            synchronized (lock) {
                return matchRows.values().stream().filter(Match::isOpen).toList();
            }
        }

        @Override
        public List<Match> withState(MatchState state, int limit) {
            requireLimit(limit);
            synchronized (lock) {
                return matchRows.values().stream().filter(m -> m.state() == state).limit(limit).toList();
            }
        }

        @Override
        public List<Match> recentOf(PlayerId player, int limit) {
            requireLimit(limit);
            synchronized (lock) {
                return matchRows.descendingMap().values().stream()
                        .filter(m -> m.involves(player))
                        .limit(limit)
                        .toList();
            }
        }

        @Override
        public Committed commit(MatchTransition transition) {
            Match next = transition.match();
            List<LedgerEntry> written;
            synchronized (lock) {
                Match stored = matchRows.get(next.id());
                if (stored == null) {
                    throw StoreException.notFound("match " + next.id() + " does not exist");
                }
                transition.requireAppliesTo(stored);
                checkRatingChanges(transition.ratingChanges());
                Optional<Player> aborter = transition.abortUsedBy().map(InMemoryLadderStore.this::requirePlayer);
                if (aborter.isPresent() && aborter.get().abortsLeft() == 0) {
                    throw StoreException.stale("player " + aborter.get().id() + " has no abort left");
                }
                // Everything checked: write.
                matchRows.put(next.id(), next);
                if (!next.isOpen()) {
                    for (PlayerId player : next.players()) {
                        openMatches.remove(player, next.id());
                    }
                }
                written = writeRatingChanges(transition.ratingChanges());
                aborter.ifPresent(p -> players.put(p.id(), p.withAbortsLeft(p.abortsLeft() - 1)));
                transition.audit().ifPresent(InMemoryLadderStore.this::writeAudit);
            }
            return new Committed(next, changedIfAny(written));
        }
    }

    private final class Audit implements AdminAuditRepository {

        @Override
        public AuditEntry append(AdminAction action) {
            Objects.requireNonNull(action, "action");
            synchronized (lock) {
                writeAudit(action);
                return auditEntries.get(auditEntries.size() - 1);
            }
        }

        @Override
        public List<AuditEntry> recent(int limit) {
            synchronized (lock) {
                return newestFirst(auditEntries, e -> true, limit);
            }
        }

        @Override
        public List<AuditEntry> aboutTarget(String target, int limit) {
            synchronized (lock) {
                return newestFirst(auditEntries, e -> e.action().target().equals(target), limit);
            }
        }

        @Override
        public List<AuditEntry> byAdmin(PlayerId admin, int limit) {
            synchronized (lock) {
                return newestFirst(auditEntries, e -> e.action().admin().equals(admin), limit);
            }
        }
    }

    private final class NoShows implements NoShowRepository {

        @Override
        public boolean addTimeout(PlayerId player, MatchId match, Instant at) {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(at, "at");
            synchronized (lock) {
                requirePlayer(player);
                return timeouts.computeIfAbsent(player, p -> new HashMap<>()).putIfAbsent(match, at) == null;
            }
        }

        @Override
        public List<Instant> timeoutsSince(PlayerId player, Instant since) {
            synchronized (lock) {
                return timeouts.getOrDefault(player, Map.of()).values().stream()
                        .filter(at -> !at.isBefore(since)).sorted().toList();
            }
        }

        @Override
        public void addBar(QueueBar bar) {
            Objects.requireNonNull(bar, "bar");
            synchronized (lock) {
                requirePlayer(bar.player());
                bars.computeIfAbsent(bar.player(), p -> new ArrayList<>()).add(bar);
            }
        }

        @Override
        public List<QueueBar> barsSince(PlayerId player, Instant since) {
            synchronized (lock) {
                return bars.getOrDefault(player, List.of()).stream().filter(bar -> !bar.from().isBefore(since))
                        .sorted(java.util.Comparator.comparing(QueueBar::from)).toList();
            }
        }

        @Override
        public Optional<QueueBar> barInForce(PlayerId player, Instant now) {
            synchronized (lock) {
                return bars.getOrDefault(player, List.of()).stream().filter(bar -> bar.inForceAt(now))
                        .max(java.util.Comparator.comparing(QueueBar::endsAt));
            }
        }

        @Override
        public Optional<QueueBar> lift(PlayerId player, Instant at, AdminAction audit) {
            Objects.requireNonNull(audit, "audit");
            synchronized (lock) {
                List<QueueBar> list = bars.getOrDefault(player, List.of());
                Optional<QueueBar> last = Optional.empty();
                for (int i = 0; i < list.size(); i++) {
                    QueueBar bar = list.get(i);
                    if (bar.inForceAt(at)) {
                        QueueBar lifted = bar.liftedAt(at);
                        list.set(i, lifted);
                        if (last.isEmpty() || bar.until().isAfter(last.get().until())) {
                            last = Optional.of(lifted);
                        }
                    }
                }
                if (last.isPresent()) {
                    writeAudit(audit);
                }
                return last;
            }
        }
    }

    private final class Seasons implements SeasonRepository {

        @Override
        public List<Season> seasons() {
            synchronized (lock) {
                return List.copyOf(seasonRows);
            }
        }

        @Override
        public List<LedgerEntry> start(Season next, List<RatingChange> resets, Collection<PlayerId> deferred,
                                       AdminAction audit) {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(audit, "audit");
            List<RatingChange> copy = List.copyOf(resets);
            List<LedgerEntry> written;
            synchronized (lock) {
                int current = seasonRows.get(seasonRows.size() - 1).number();
                if (next.number() != current + 1) {
                    throw StoreException.stale("season " + next.number() + " cannot follow season " + current);
                }
                deferred.forEach(InMemoryLadderStore.this::requirePlayer);
                checkRatingChanges(copy);
                written = writeRatingChanges(copy);
                keepRecords(current, copy);
                seasonRows.add(next);
                seasonPlan = seasonPlan.filter(plan -> plan.season().number() != next.number());
                pendingResets.put(next.number(), new HashSet<>(deferred));
                writeAudit(audit);
            }
            // A new season always changes what a leaderboard shows, resets or not.
            changed();
            return written;
        }

        private void keepRecords(int season, List<RatingChange> resets) {
            Map<RatingKey, PlayerRating> records = seasonRecords.computeIfAbsent(season, s -> new HashMap<>());
            for (RatingChange change : resets) {
                records.put(new RatingKey(change.player(), change.race()), change.before());
            }
        }

        @Override
        public Optional<PlannedSeason> planned() {
            synchronized (lock) {
                return seasonPlan;
            }
        }

        @Override
        public void plan(PlannedSeason plan, AdminAction audit) {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(audit, "audit");
            synchronized (lock) {
                int current = seasonRows.get(seasonRows.size() - 1).number();
                if (plan.season().number() != current + 1) {
                    throw StoreException.stale("season " + plan.season().number() + " cannot follow season " + current);
                }
                seasonPlan = Optional.of(plan);
                writeAudit(audit);
            }
        }

        @Override
        public List<PlayerId> pendingResets(int season) {
            synchronized (lock) {
                return List.copyOf(pendingResets.getOrDefault(season, Set.of()));
            }
        }

        @Override
        public boolean resetPending(int season, PlayerId player) {
            synchronized (lock) {
                return pendingResets.getOrDefault(season, Set.of()).contains(player);
            }
        }

        @Override
        public List<LedgerEntry> applyDeferred(int season, PlayerId player, List<RatingChange> resets) {
            List<RatingChange> copy = List.copyOf(resets);
            List<LedgerEntry> written;
            synchronized (lock) {
                Set<PlayerId> pending = pendingResets.getOrDefault(season, Set.of());
                if (!pending.contains(player)) {
                    return List.of();
                }
                for (RatingChange change : copy) {
                    if (!change.player().equals(player)) {
                        throw new IllegalArgumentException("a deferred reset of player " + player
                                + " cannot change the rating of " + change.player());
                    }
                }
                checkRatingChanges(copy);
                written = writeRatingChanges(copy);
                keepRecords(season - 1, copy);
                pending.remove(player);
            }
            return changedIfAny(written);
        }

        @Override
        public List<PlayerRating> records(int season) {
            synchronized (lock) {
                return List.copyOf(seasonRecords.getOrDefault(season, Map.of()).values());
            }
        }

        @Override
        public Map<String, PlayerRating> recordsOf(int season, PlayerId player) {
            synchronized (lock) {
                Map<String, PlayerRating> found = new HashMap<>();
                seasonRecords.getOrDefault(season, Map.of()).forEach((key, rating) -> {
                    if (key.player().equals(player)) {
                        found.put(key.race(), rating);
                    }
                });
                return found;
            }
        }
    }
}
