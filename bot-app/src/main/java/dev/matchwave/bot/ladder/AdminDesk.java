package dev.matchwave.bot.ladder;

import dev.matchwave.discord.interaction.AdminRequest;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.admin.LadderAdmin;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.Outcome;
import dev.matchwave.matchmaking.ladder.match.Resolution;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.queue.LeaveResult;
import dev.matchwave.matchmaking.queue.PlayerState;
import dev.matchwave.matchmaking.queue.QueueStatus;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code /admin} subcommands over {@link LadderAdmin} and the queue. Every subcommand that
 * acts, and every look-up, leaves one audit row (the core's changing actions write theirs in the
 * same transaction as the change); a refused action (unknown player or match, a match that is
 * not resolvable) is answered with the reason and changes nothing, and is not audited.
 *
 * <p>Thread-safe; blocks on the database.
 */
final class AdminDesk {

    private final LadderApplication app;
    private final LadderAdmin admin;

    AdminDesk(LadderApplication app) {
        this.app = Objects.requireNonNull(app, "app");
        this.admin = new LadderAdmin(app.store(), app.lifecycle(), app.clock());
    }

    String handle(long adminId, AdminRequest request) {
        PlayerId by = PlayerId.of(adminId);
        try {
            return switch (request) {
                case AdminRequest.Snapshot s -> snapshot(by);
                case AdminRequest.Player p -> player(by, p.user());
                case AdminRequest.Match m -> match(by, m.matchId());
                case AdminRequest.Resolve r -> resolve(by, r);
                case AdminRequest.AdjustMmr a -> adjust(by, a);
                case AdminRequest.RemoveQueue r -> removeQueue(by, r);
                case AdminRequest.UnblockQueue u -> unblockQueue(by, u);
                case AdminRequest.Ban b -> ban(by, b);
                case AdminRequest.ResetAborts r -> resetAborts(by, r);
                case AdminRequest.ClearQueue c -> clearQueue(by, c);
                case AdminRequest.LiftCooldown l -> liftCooldown(by, l);
                case AdminRequest.NewSeason n -> newSeason(by, n);
            };
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.NOT_FOUND || e.kind() == StoreException.Kind.INVALID) {
                return e.getMessage() + " Nothing was changed.";
            }
            throw e;
        }
    }

    private Optional<Player> registered(long user) {
        return app.players().find(PlayerId.of(user));
    }

    private static String unknown(long user) {
        return "No player with Discord id " + user + " is registered on the ladder. Nothing was changed.";
    }

    private String snapshot(PlayerId by) {
        QueueStatus status = app.queue().status();
        String text = AdminReports.snapshot(new AdminReports.SnapshotFacts(status.queued(), status.queuedBySides(),
                status.queuedByRace(), status.matchesInProgress(), status.activePopulation(), status.lastWave(),
                app.lastWaveSummary(), status.nextWave(), app.undeliveredCount(), app.undeliveredMailboxes()));
        admin.record(by, AdminActionKind.SNAPSHOT, "queue", status.queued() + " queued", "look-up");
        return text;
    }

    private String player(PlayerId by, long user) {
        Optional<Player> found = registered(user);
        if (found.isEmpty()) {
            return unknown(user);
        }
        Player p = found.get();
        Map<String, PlayerRating> ratings = app.store().ratings().ratingsOf(p.id());
        String text = AdminReports.player(new AdminReports.PlayerFacts(p.id(), p.profile(), p.termsAccepted(),
                List.copyOf(ratings.values()), p.abortsLeft(), app.lifecycle().rules().abortBudget(), p.banned(),
                app.queue().stateOf(p.id()), app.queue().find(p.id()).map(QueuedPlayer::joinedAt),
                app.lifecycle().openMatchOf(p.id()), app.store().matches().recentOf(p.id(), AdminReports.LAST_MATCHES)));
        admin.record(by, AdminActionKind.PLAYER, AdminAction.player(p.id()), "looked up", "look-up");
        return text;
    }

    private String match(PlayerId by, long id) {
        Optional<Match> found = app.store().matches().find(MatchId.of(id));
        if (found.isEmpty()) {
            return "No match #" + id + ". Nothing was changed.";
        }
        Match m = found.get();
        Map<PlayerId, String> names = new java.util.HashMap<>();
        for (PlayerId player : m.players()) {
            registered(player.value()).flatMap(Player::profile).ifPresent(pr -> names.put(player, pr.userId()));
        }
        // Read before this look-up is recorded, so the list shows what happened to the match.
        List<dev.matchwave.matchmaking.ladder.audit.AuditEntry> audit = app.store().audit()
                .aboutTarget(AdminAction.match(m.id()), AdminReports.AUDIT_ENTRIES);
        String text = AdminReports.match(new AdminReports.MatchFacts(m, names,
                dev.matchwave.matchmaking.ladder.match.ChannelNaming.reference().channelFor(m.id()), audit));
        admin.record(by, AdminActionKind.MATCH, AdminAction.match(m.id()), m.state().name(), "look-up");
        return text;
    }

    static Optional<Resolution> resolution(int code) {
        return switch (code) {
            case 1 -> Optional.of(Resolution.PLAYER1);
            case 2 -> Optional.of(Resolution.PLAYER2);
            case 0 -> Optional.of(Resolution.DRAW);
            case -1 -> Optional.of(Resolution.INVALIDATE);
            default -> Optional.empty();
        };
    }

    private String resolve(PlayerId by, AdminRequest.Resolve request) {
        Optional<Resolution> resolution = resolution(request.result());
        if (resolution.isEmpty()) {
            return "Unknown result code " + request.result() + " (1, 2, 0 or -1). Nothing was changed.";
        }
        Outcome outcome = admin.resolve(by, MatchId.of(request.matchId()), resolution.get(), request.reason());
        return switch (outcome) {
            case Outcome.Accepted accepted -> "Match #" + request.matchId() + " resolved: "
                    + resolution.get().name().toLowerCase(Locale.ROOT) + " (now "
                    + accepted.match().state().name().toLowerCase(Locale.ROOT) + "). Audited.";
            case Outcome.Unchanged unchanged -> unchanged.note();
            case Outcome.Rejected rejected -> rejected.message() + " Nothing was changed.";
        };
    }

    private String adjust(PlayerId by, AdminRequest.AdjustMmr request) {
        LadderAdmin.Adjustment adjustment;
        try {
            adjustment = LadderAdmin.Adjustment.valueOf(request.mode().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return "Unknown adjustment '" + request.mode() + "' (set, add or subtract). Nothing was changed.";
        }
        if (!EvoLadderRules.RACES.contains(request.race())) {
            return "Unknown race '" + request.race() + "'. Nothing was changed.";
        }
        if (registered(request.user()).isEmpty()) {
            return unknown(request.user());
        }
        LedgerEntry entry = admin.adjustRating(by, PlayerId.of(request.user()), request.race(), adjustment,
                request.value(), request.reason());
        return "Rating of " + request.user() + " in " + request.race() + ": " + entry.change().before().rating().rounded()
                + " -> " + entry.change().after().rating().rounded() + ". Audited.";
    }

    private String removeQueue(PlayerId by, AdminRequest.RemoveQueue request) {
        PlayerId player = PlayerId.of(request.user());
        return switch (app.leave(player)) {
            case LeaveResult.Left left -> {
                admin.record(by, AdminActionKind.REMOVE_QUEUE, AdminAction.player(player), "removed from the queue",
                        request.reason());
                yield "Removed " + request.user() + " from the queue. Audited.";
            }
            case LeaveResult.NotQueued n -> "Player " + request.user() + " is not in the queue. Nothing was changed.";
            case LeaveResult.InMatch m -> "Player " + request.user()
                    + " is in a match, not in the queue: use /admin resolve or /admin unblock_queue. Nothing was changed.";
        };
    }

    /**
     * The queue never blocks as a whole; what can block is one player whom the queue still counts
     * as in a match that is over or gone (a restart, a lost release). This frees him; a player
     * whose match is still open is told to resolve it instead (freeing him would let him play two
     * matches at once).
     */
    private String unblockQueue(PlayerId by, AdminRequest.UnblockQueue request) {
        PlayerId player = PlayerId.of(request.user());
        Optional<Match> open = app.lifecycle().openMatchOf(player);
        if (open.isPresent()) {
            return "Player " + request.user() + " is in open match #" + open.get().id().value()
                    + ": end it with /admin resolve (invalidate to cancel it). Nothing was changed.";
        }
        if (app.queue().stateOf(player) != PlayerState.IN_MATCH) {
            return "Player " + request.user() + " is not blocked (" + app.queue().stateOf(player).name()
                    .toLowerCase(Locale.ROOT) + "): he can use /queue. Nothing was changed.";
        }
        app.queue().release(player);
        admin.record(by, AdminActionKind.UNBLOCK_QUEUE, AdminAction.player(player), "released from a finished match",
                request.reason());
        return "Player " + request.user() + " may queue again. Audited.";
    }

    private String ban(PlayerId by, AdminRequest.Ban request) {
        Optional<Player> found = registered(request.user());
        if (found.isEmpty()) {
            return unknown(request.user());
        }
        boolean ban = !found.get().banned();
        admin.setBanned(by, found.get().id(), ban, request.reason());
        if (ban) {
            app.leave(found.get().id());
        }
        return "Player " + request.user() + (ban ? " is banned from queueing." : "'s ban is lifted.") + " Audited.";
    }

    private String resetAborts(PlayerId by, AdminRequest.ResetAborts request) {
        Optional<Player> found = registered(request.user());
        if (found.isEmpty()) {
            return unknown(request.user());
        }
        int budget = app.lifecycle().rules().abortBudget();
        Player after;
        if (request.aborts().isEmpty()) {
            after = admin.resetAborts(by, found.get().id(), request.reason());
        } else {
            int aborts = request.aborts().getAsInt();
            if (aborts < 0 || aborts > budget) {
                return "aborts must be within 0.." + budget + ", got " + aborts + ". Nothing was changed.";
            }
            after = app.store().players().setAbortsLeft(found.get().id(), aborts, new AdminAction(by,
                    AdminActionKind.RESET_ABORTS, AdminAction.player(found.get().id()), "aborts -> " + aborts,
                    request.reason(), app.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        }
        return "Player " + request.user() + " has " + after.abortsLeft() + " of " + budget + " aborts. Audited.";
    }

    private String clearQueue(PlayerId by, AdminRequest.ClearQueue request) {
        List<QueuedPlayer> removed = app.queue().clear();
        admin.record(by, AdminActionKind.CLEAR_QUEUE, "queue", removed.size() + " removed", request.reason());
        return "Cleared the queue: " + removed.size() + (removed.size() == 1 ? " player" : " players")
                + " removed. Audited.";
    }

    /** Lifts a no-show bar; audited with the lift, in one transaction. */
    private String liftCooldown(PlayerId by, AdminRequest.LiftCooldown request) {
        if (app.noShows().isEmpty()) {
            return "The no-show penalty is off on this ladder: nobody is barred. Nothing was changed.";
        }
        if (registered(request.user()).isEmpty()) {
            return unknown(request.user());
        }
        PlayerId player = PlayerId.of(request.user());
        return app.noShows().get().lift(by, player, request.reason())
                .map(bar -> "Player " + request.user() + " may queue again (his bar ran until " + bar.until()
                        + "). Audited.")
                .orElse("Player " + request.user() + " is not barred from the queue. Nothing was changed.");
    }

    /**
     * Closes the season now and starts the next; audited with the resets, in one transaction.
     * Players in a match keep their rating until it ends (it counts in the season it was created in).
     */
    private String newSeason(PlayerId by, AdminRequest.NewSeason request) {
        dev.matchwave.matchmaking.ladder.season.SeasonReset reset;
        try {
            if (request.reset().equals("toward")) {
                if (request.fractionPercent().isEmpty()) {
                    return "A toward reset needs fraction_percent (0 to 100). Nothing was changed.";
                }
                reset = new dev.matchwave.matchmaking.ladder.season.SeasonReset.Toward(
                        request.fractionPercent().getAsInt() / 100.0);
            } else {
                reset = dev.matchwave.matchmaking.ladder.season.SeasonReset.parse(request.reset());
            }
        } catch (IllegalArgumentException e) {
            return "Unknown reset '" + request.reset() + "' (" + e.getMessage() + "). Nothing was changed.";
        }
        java.util.List<String> maps = java.util.List.of();
        if (request.maps().isPresent()) {
            try {
                maps = dev.matchwave.matchmaking.ladder.season.Season.parseMapPool(request.maps().get());
            } catch (IllegalArgumentException e) {
                return "maps: " + e.getMessage() + ". Nothing was changed.";
            }
        }
        String pool = maps.isEmpty() ? "" : "; maps: " + String.join(", ", maps);
        if (request.startsAt().isPresent()) {
            java.time.Instant at;
            try {
                at = java.time.Instant.parse(request.startsAt().get());
            } catch (java.time.format.DateTimeParseException e) {
                return "starts_at '" + request.startsAt().get() + "' is not a UTC time such as 2027-01-01T00:00:00Z."
                        + " Nothing was changed.";
            }
            try {
                var plan = app.planSeason(by, reset, maps, request.reason(), at);
                return "Season " + plan.season().number() + " will start at " + plan.season().startedAt() + " (reset "
                        + reset.spec() + pool + "); until then season " + (plan.season().number() - 1)
                        + " goes on. Audited.";
            } catch (IllegalArgumentException e) {
                return e.getMessage() + ". Nothing was changed.";
            }
        }
        LadderApplication.SeasonStart start;
        try {
            start = app.startSeason(by, reset, maps, request.reason());
        } catch (IllegalArgumentException e) {
            return e.getMessage() + ". Nothing was changed."; // rules without maps
        }
        var started = start.season();
        java.util.Set<PlayerId> playing = start.deferred();
        int closed = started.number() - 1;
        int reset_ = app.store().seasons().records(closed).size();
        return "Season " + started.number() + " started (reset " + reset.spec() + pool + "): " + reset_
                + (reset_ == 1 ? " rating" : " ratings") + " reset now" + (playing.isEmpty() ? ""
                : ", " + playing.size() + " players in a match reset when it ends") + ". Season " + closed
                + "'s final standings: /leaderboard season:" + closed + ". Audited.";
    }
}
