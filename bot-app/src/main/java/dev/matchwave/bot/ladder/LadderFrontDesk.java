package dev.matchwave.bot.ladder;

import dev.matchwave.discord.command.CountryCatalog;
import dev.matchwave.discord.delivery.MessageWriters;
import dev.matchwave.discord.interaction.AdminRequest;
import dev.matchwave.discord.interaction.LadderDesk;
import dev.matchwave.discord.view.LeaderboardView;
import dev.matchwave.discord.view.ProfileView;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardPage;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardQuery;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardSource;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.discord.interaction.SetupForm;
import dev.matchwave.discord.view.QueueView;
import dev.matchwave.discord.view.SearchingView;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.match.MatchEvent;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.Outcome;
import dev.matchwave.matchmaking.ladder.match.Verdict;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.player.ProfileForm;
import dev.matchwave.matchmaking.ladder.player.SavedPreferences;
import dev.matchwave.matchmaking.ladder.player.Validation;
import dev.matchwave.matchmaking.queue.JoinResult;
import dev.matchwave.matchmaking.queue.LeaveResult;
import dev.matchwave.matchmaking.queue.QueueStatus;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import dev.matchwave.discord.view.MatchFoundView;
import dev.matchwave.discord.view.MatchView;
import dev.matchwave.discord.view.MatchResult;
import java.util.Arrays;
import dev.matchwave.matchmaking.ladder.match.Match;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LadderDesk} of the reference ladder over a {@link LadderApplication}: the
 * interaction handlers' only way into the ladder. Every answer is a view or a sentence for the
 * user; the lifecycle's refusals come back with their own messages.
 *
 * <p>Thread-safe. Methods block on the database (the router calls them on virtual threads).
 * A result picked in the result select waits here, in memory, until the confirm select
 * (one per player and match; lost on restart: the player picks again).
 */
public final class LadderFrontDesk implements LadderDesk {

    private static final Logger LOG = LoggerFactory.getLogger(LadderFrontDesk.class);

    private final LadderApplication app;
    private final LadderMessageRenderer renderer;
    private final AdminDesk admin;
    private static final CountryCatalog COUNTRIES = CountryCatalog.iso();

    public LadderFrontDesk(LadderApplication app) {
        this.app = Objects.requireNonNull(app, "app");
        this.admin = new AdminDesk(app);
        this.renderer = LadderMessageRenderer.of(app);
    }

    @Override
    public QueueView queueView(long userId) {
        PlayerId player = PlayerId.of(userId);
        app.players().register(player);
        return view(userId, app.players().preferences(player).orElse(new SavedPreferences(Set.of(), Set.of())));
    }

    private QueueView view(long userId, SavedPreferences saved) {
        List<QueueView.Option> bw = new ArrayList<>();
        List<QueueView.Option> sc2 = new ArrayList<>();
        for (String race : EvoLadderRules.RACES) {
            QueueView.Option option = new QueueView.Option(race, label(race));
            (race.startsWith(EvoLadderRules.SIDE_BW + "_") ? bw : sc2).add(option);
        }
        Optional<String> selectedBw = saved.races().stream().filter(r -> r.startsWith("bw_")).findFirst();
        Optional<String> selectedSc2 = saved.races().stream().filter(r -> r.startsWith("sc2_")).findFirst();
        // The season's maps; rules without maps have the reference pool drawn for them (RuleSets.venue).
        List<String> seasonPool = app.seasonRules().mapPool();
        List<String> pool = (seasonPool.isEmpty() ? EvoLadderRules.DEFAULT_MAP_POOL : seasonPool).stream()
                .limit(QueueView.MAX_OPTIONS).toList();
        Set<String> vetoed = new LinkedHashSet<>(saved.vetoedMaps());
        vetoed.retainAll(pool);
        return new QueueView(userId, bw, sc2, selectedBw, selectedSc2, pool, vetoed,
                app.players().rules().maxVetoes());
    }

    /** {@code bw_zerg} to {@code BW Zerg}, as every view shows a race. */
    public static String label(String race) {
        int cut = race.indexOf('_');
        String side = race.substring(0, cut).toUpperCase(Locale.ROOT);
        String name = race.substring(cut + 1);
        return side + " " + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    @Override
    public QueueView chooseRace(long userId, String side, Optional<String> race) {
        PlayerId player = PlayerId.of(userId);
        SavedPreferences saved = app.players().preferences(player).orElse(new SavedPreferences(Set.of(), Set.of()));
        Set<String> races = new LinkedHashSet<>(saved.races());
        races.removeIf(r -> r.startsWith(side + "_"));
        race.ifPresent(races::add);
        return save(userId, races, saved.vetoedMaps(), saved);
    }

    @Override
    public QueueView vetoMaps(long userId, List<String> maps) {
        PlayerId player = PlayerId.of(userId);
        SavedPreferences saved = app.players().preferences(player).orElse(new SavedPreferences(Set.of(), Set.of()));
        return save(userId, saved.races(), Set.copyOf(maps), saved);
    }

    /** Saves when valid; otherwise shows the choice without saving it (e.g. vetoes before any race). */
    private QueueView save(long userId, Set<String> races, Set<String> vetoes, SavedPreferences before) {
        Validation<SavedPreferences> checked = app.players().savePreferences(PlayerId.of(userId), races, vetoes);
        return view(userId, checked.isValid() ? new SavedPreferences(races, vetoes)
                : new SavedPreferences(races, vetoes.isEmpty() ? before.vetoedMaps() : vetoes));
    }

    @Override
    public QueueView clearChoices(long userId) {
        // The repository keeps the last valid choice; the view starts empty and the next pick saves.
        return view(userId, new SavedPreferences(Set.of(), Set.of()));
    }

    @Override
    public JoinAnswer join(long userId, MessageWriters.Interaction search) {
        PlayerId player = PlayerId.of(userId);
        String contact = RestoredSearches.contact(search.token(), search.created());
        JoinResult result = app.join(player, Optional.of(contact));
        QueuedPlayer entry = switch (result) {
            case JoinResult.Joined joined -> joined.player();
            case JoinResult.AlreadyQueued already -> {
                // This answer becomes his searching message: a restarted bot must find it, not the first.
                attach(player, contact);
                yield already.player();
            }
            case JoinResult.Refused refused -> null;
        };
        if (entry == null) {
            return new JoinAnswer.Refused(result.message());
        }
        return new JoinAnswer.Searching(searchingView(entry));
    }

    private void attach(PlayerId player, String contact) {
        try {
            app.queue().attach(player, contact);
        } catch (RuntimeException e) {
            LOG.warn("the searching message of player {} was not stored: {}", player, e.toString());
        }
    }

    /** The player's searching message while he is queued (for the refresher); empty otherwise. Does not block. */
    public Optional<SearchingView> searchingView(PlayerId player) {
        return app.queue().find(player).map(this::searchingView);
    }

    private SearchingView searchingView(QueuedPlayer entry) {
        QueueStatus status = app.queue().status(entry.id());
        List<SearchingView.CategoryCount> counts = new ArrayList<>();
        status.queuedBySides().forEach((sides, players) -> counts.add(new SearchingView.CategoryCount(category(sides), players)));
        return new SearchingView(entry.id().value(),
                entry.seats().stream().map(seat -> label(seat.race())).toList(),
                List.copyOf(entry.preferences().vetoedMaps()), entry.joinedAt(), status.nextWave(),
                status.activePopulation(), status.matchesInProgress(), counts);
    }

    /** {@code bw}, {@code sc2}, {@code bw+sc2} as the searching message shows them. */
    static String category(String sides) {
        return switch (sides) {
            case "bw" -> "BW only";
            case "sc2" -> "SC2 only";
            case "bw+sc2" -> "Both";
            default -> sides;
        };
    }

    @Override
    public String cancel(long userId) {
        return switch (app.leave(PlayerId.of(userId))) {
            case LeaveResult.Left left -> "You left the queue.";
            case LeaveResult.NotQueued notQueued -> "You were not in the queue.";
            case LeaveResult.InMatch inMatch -> "You have just been matched: see the match message.";
        };
    }

    @Override
    public String acceptTerms(long userId) {
        app.players().acceptTerms(PlayerId.of(userId));
        return "Thank you: the terms are accepted. Next, /setup your ladder profile.";
    }

    @Override
    public Optional<SetupForm> currentSetup(long userId) {
        return app.players().find(PlayerId.of(userId)).flatMap(Player::profile)
                .map(p -> new SetupForm(p.userId(), p.battleTag(), p.alternativeIds(), p.country(), p.homeRegion()));
    }

    @Override
    public List<String> homeRegions() {
        return EvoLadderRules.REGIONS;
    }

    @Override
    public String setup(long userId, SetupForm form) {
        Validation<Player> result = app.players().setup(PlayerId.of(userId), new ProfileForm(form.userId(),
                form.battleTag(), form.alternativeIds(), form.country(), form.homeRegion()));
        return switch (result) {
            case Validation.Valid<Player> valid -> "Your profile is saved. "
                    + (valid.value().termsAccepted() ? "Run /queue to play." : "Accept the /termsofservice to play.");
            case Validation.Invalid<Player> invalid -> "Please fix and send /setup again:\n" + invalid.problems().stream()
                    .map(problem -> "- " + problem.field() + ": " + problem.message())
                    .collect(java.util.stream.Collectors.joining("\n"));
        };
    }

    @Override
    public Optional<String> confirm(long matchId, long userId) {
        return note(app.lifecycle().confirm(MatchId.of(matchId), PlayerId.of(userId)));
    }

    @Override
    public String abort(long matchId, long userId, boolean second) {
        Outcome outcome = app.lifecycle().abort(MatchId.of(matchId), PlayerId.of(userId));
        if (outcome instanceof Outcome.Accepted accepted
                && accepted.events().stream().anyMatch(MatchEvent.AbortArmed.class::isInstance)) {
            return "Press abort again to abort the match (it uses up one of your aborts).";
        }
        return answer(outcome, "The match is aborted.");
    }

    @Override
    public Optional<String> chooseResult(long matchId, long userId, int resultCode) {
        if (verdict(resultCode).isEmpty()) {
            return Optional.of("That result cannot be read; pick it again.");
        }
        Optional<Match> match = app.store().matches().find(MatchId.of(matchId));
        if (match.isEmpty() || !match.get().players().contains(PlayerId.of(userId))) {
            return Optional.of("There is no match #" + matchId + " of yours.");
        }
        if (match.get().state() != MatchState.IN_PROGRESS) {
            return Optional.of("Match #" + matchId + " is over or not started: there is no result to pick now.");
        }
        if (hasReported(match.get(), PlayerId.of(userId))) {
            return Optional.of(ALREADY_RECORDED);
        }
        // In the store, not in memory: after a restart his message shows the pick and he can confirm it.
        app.store().resultPicks().pick(MatchId.of(matchId), PlayerId.of(userId), verdict(resultCode).orElseThrow());
        // His message, re-rendered, shows the pick and enables the confirm select below it.
        return Optional.empty();
    }

    @Override
    public Optional<MatchView> matchView(long matchId, long userId) {
        Optional<Match> match = app.store().matches().find(MatchId.of(matchId));
        PlayerId player = PlayerId.of(userId);
        if (match.isEmpty() || !match.get().players().contains(player)
                || !LadderMessageRenderer.bothConfirmed(match.get())) {
            return Optional.empty();
        }
        return Optional.of(renderer.matchView(match.get(), player, pickedResult(matchId, userId)));
    }

    /** The result the player has picked in his match message and not confirmed yet. */
    public Optional<MatchResult> pickedResult(long matchId, long userId) {
        return app.store().resultPicks().picked(MatchId.of(matchId), PlayerId.of(userId))
                .map(LadderFrontDesk::codeOf)
                .flatMap(code -> Arrays.stream(MatchResult.values()).filter(r -> r.code() == code).findFirst());
    }

    /**
     * /match: the player's open match, else his newest; a match that ended before both
     * confirmed has no message worth showing again (no details were ever shown) and is told in
     * one line.
     */
    @Override
    public MatchRecall recallMatch(long userId) {
        PlayerId player = PlayerId.of(userId);
        Optional<Match> match = app.lifecycle().openMatchOf(player)
                .or(() -> app.store().matches().recentOf(player, 1).stream().findFirst());
        if (match.isEmpty()) {
            return new MatchRecall.Nothing("You have no match to show yet: join the queue with /queue.");
        }
        Match m = match.get();
        boolean started = LadderMessageRenderer.bothConfirmed(m);
        if (!m.isOpen() && !started) {
            return new MatchRecall.Nothing("Your last match, #" + m.id().value() + ", ended before it started ("
                    + m.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + "): there is nothing to show again. Join the queue with /queue.");
        }
        return new MatchRecall.Shown(m.id().value(), started);
    }

    @Override
    public Optional<MatchFoundView> matchFoundView(long matchId, long userId) {
        Optional<Match> match = app.store().matches().find(MatchId.of(matchId));
        PlayerId player = PlayerId.of(userId);
        if (match.isEmpty() || !match.get().players().contains(player) || !match.get().state().isOpen()) {
            return Optional.empty();
        }
        return Optional.of(renderer.matchFoundView(match.get(), player));
    }

    @Override
    public Optional<String> confirmResult(long matchId, long userId) {
        Optional<Verdict> pick = app.store().resultPicks().picked(MatchId.of(matchId), PlayerId.of(userId));
        if (pick.isEmpty()) {
            // A press that comes after his report (ten presses at once: the first reported and
            // took the pick) is told the truth, not asked for a pick.
            Optional<Match> match = app.store().matches().find(MatchId.of(matchId));
            if (match.isPresent() && match.get().state() != MatchState.IN_PROGRESS) {
                return Optional.of("Match #" + matchId + " is over or not started: there is no result to confirm now.");
            }
            return Optional.of(match.filter(m -> hasReported(m, PlayerId.of(userId))).isPresent() ? ALREADY_RECORDED
                    : "Pick the result first, then confirm it.");
        }
        Outcome outcome = app.lifecycle().report(MatchId.of(matchId), PlayerId.of(userId), pick.get());
        if (outcome instanceof Outcome.Unchanged) {
            // The same report again: no change, so nothing forgot the pick. An accepted report
            // forgot it in its own transaction (MatchEventHandling.owe).
            app.store().resultPicks().clear(MatchId.of(matchId), PlayerId.of(userId));
        }
        return note(outcome);
    }

    static final String ALREADY_RECORDED = "Your result is already recorded.";

    /** Whether the player's report of the match is stored (a result, not an abort mark). */
    private static boolean hasReported(Match match, PlayerId player) {
        return match.participant(player).flatMap(p -> p.report()).flatMap(r -> r.verdict()).isPresent();
    }

    /** The code of a verdict (the inverse of {@link #verdict}). */
    static int codeOf(Verdict verdict) {
        return switch (verdict) {
            case DRAW -> 0;
            case PLAYER1 -> 1;
            case PLAYER2 -> 2;
        };
    }

    /** The reference ladder's codes (docs/reference-ladder.md): 0 draw, 1 player 1 won, 2 player 2 won. */
    static Optional<Verdict> verdict(int code) {
        return switch (code) {
            case 0 -> Optional.of(Verdict.DRAW);
            case 1 -> Optional.of(Verdict.PLAYER1);
            case 2 -> Optional.of(Verdict.PLAYER2);
            default -> Optional.empty();
        };
    }

    /**
     * What a click on a match message says beyond the message's own change: nothing when the
     * ladder took it (the re-rendered message shows it), else why not.
     */
    private static Optional<String> note(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Accepted ok -> Optional.empty();
            case Outcome.Unchanged unchanged -> Optional.of(unchanged.note());
            case Outcome.Rejected rejected -> Optional.of(rejected.message());
        };
    }

    private static String answer(Outcome outcome, String accepted) {
        return note(outcome).orElse(accepted);
    }

    // --- leaderboard, profile, country, admin --------------------------------------------------

    /** The leaderboard that {@code /leaderboard} and {@code /profile} read (the web pages read the same). */
    private LeaderboardSource board() {
        return app.leaderboard();
    }

    @Override
    public LeaderboardView leaderboard(long userId, LeaderboardView.Filter filter, int page) {
        return view(userId, filter, board().page(query(filter, page)));
    }

    private static LeaderboardQuery query(LeaderboardView.Filter filter, int page) {
        return new LeaderboardQuery(filter.country().map(c -> c.toUpperCase(Locale.ROOT)),
                filter.race(), filter.rank(), filter.bestRaceOnly(),
                Math.max(1, Math.min(page, LeaderboardRules.REFERENCE.maxPages())));
    }

    /**
     * A closed season's final standings: its records as the next season found them, ranked as
     * of that season's end (LeaderboardSnapshot, the same rules as the live leaderboard).
     */
    @Override
    public SeasonStanding seasonLeaderboard(long userId, LeaderboardView.Filter filter, int page, int season) {
        Optional<SeasonStanding> refused = closedSeason(season);
        if (refused.isPresent()) {
            return refused.get();
        }
        var snapshot = finalStandings(season);
        return new SeasonStanding.Board(season, view(userId, filter, snapshot.page(query(filter, page))));
    }

    /** A player's final ratings, ranks and records of a closed season. */
    @Override
    public SeasonStanding seasonProfile(long userId, int season) {
        Optional<SeasonStanding> refused = closedSeason(season);
        if (refused.isPresent()) {
            return refused.get();
        }
        PlayerId player = PlayerId.of(userId);
        var snapshot = finalStandings(season);
        List<ProfileView.RaceLine> races = app.store().seasons().recordsOf(season, player).values().stream()
                .sorted(java.util.Comparator.comparing(PlayerRating::race))
                .map(r -> new ProfileView.RaceLine(label(r.race()), r.rating().rounded(),
                        snapshot.rankOf(player, r.race()), r.wins(), r.losses(), r.draws()))
                .toList();
        String name = app.players().find(player).flatMap(Player::profile).map(p -> p.userId())
                .orElse(Long.toString(userId));
        return new SeasonStanding.Record(season, name, races);
    }

    /** A closed season's records ranked as of its end, with the live leaderboard's rules. */
    private dev.matchwave.matchmaking.ladder.rank.LeaderboardSnapshot finalStandings(int season) {
        List<PlayerRating> records = app.store().seasons().records(season);
        var players = app.store().players().findAll(records.stream().map(PlayerRating::player).distinct().toList());
        return dev.matchwave.matchmaking.ladder.rank.LeaderboardSnapshot.of(LeaderboardRules.REFERENCE, records,
                players, app.seasons().endOf(season));
    }

    /** Empty for a closed season; the current season, or why there is none to show. */
    private Optional<SeasonStanding> closedSeason(int season) {
        int current = app.seasons().current().number();
        if (season == current) {
            return Optional.of(new SeasonStanding.Current());
        }
        if (season < 1 || season > current) {
            return Optional.of(new SeasonStanding.Refused("There is no season " + season + ": the ladder is in season "
                    + current + "."));
        }
        return Optional.empty();
    }

    private static LeaderboardView view(long userId, LeaderboardView.Filter filter, LeaderboardPage found) {
        List<LeaderboardView.Row> rows = found.rows().stream().map(row -> new LeaderboardView.Row(row.position(),
                row.name(), row.country(), label(row.race()), row.rank(), row.rating().rating().rounded(),
                row.rating().wins(), row.rating().losses(), row.rating().draws())).toList();
        int pages = Math.max(1, found.pages());
        return new LeaderboardView(userId, rows, Math.min(Math.max(1, found.page()), pages), pages, found.totalRows(),
                filter);
    }

    @Override
    public ProfileAnswer profile(long userId) {
        Optional<Player> found = app.players().find(PlayerId.of(userId));
        if (found.isEmpty()) {
            return new ProfileAnswer.Missing("You have no profile yet: run /setup, then /queue.");
        }
        Player player = found.get();
        List<ProfileView.RaceLine> races = app.store().ratings().ratingsOf(player.id()).values().stream()
                .sorted(java.util.Comparator.comparing(PlayerRating::race))
                .map(r -> new ProfileView.RaceLine(label(r.race()), r.rating().rounded(),
                        board().rankOf(player.id(), r.race()), r.wins(), r.losses(), r.draws()))
                .toList();
        return new ProfileAnswer.Shown(new ProfileView(
                player.profile().map(p -> p.userId()).orElse(Long.toString(userId)),
                player.profile().map(p -> p.country()), player.profile().map(p -> p.battleTag()),
                player.profile().map(p -> p.homeRegion()), races, player.abortsLeft(),
                app.lifecycle().rules().abortBudget(), player.banned()));
    }

    @Override
    public String setCountry(long userId, String country) {
        Optional<CountryCatalog.Country> picked = COUNTRIES.resolve(country);
        if (picked.isEmpty()) {
            return "Unknown country '" + country + "': pick one from the list (ISO code or name; ZZ for other).";
        }
        Optional<Player> found = app.players().find(PlayerId.of(userId));
        Optional<dev.matchwave.matchmaking.ladder.player.PlayerProfile> profile = found.flatMap(Player::profile);
        if (profile.isEmpty()) {
            return "You have no profile yet: run /setup first (it asks for your country too).";
        }
        var p = profile.get();
        Validation<Player> result = app.players().setup(PlayerId.of(userId), new ProfileForm(p.userId(), p.battleTag(),
                p.alternativeIds(), picked.get().code(), p.homeRegion()));
        return switch (result) {
            case Validation.Valid<Player> valid -> "Your country is now " + picked.get().label() + ".";
            case Validation.Invalid<Player> invalid -> "Your country was not changed:\n" + invalid.problems().stream()
                    .map(problem -> "- " + problem.field() + ": " + problem.message())
                    .collect(java.util.stream.Collectors.joining("\n"));
        };
    }

    @Override
    public String admin(long adminId, AdminRequest request) {
        return admin.handle(adminId, request);
    }
}
