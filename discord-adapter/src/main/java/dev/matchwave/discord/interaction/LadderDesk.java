package dev.matchwave.discord.interaction;

import dev.matchwave.discord.delivery.MessageWriters;

import dev.matchwave.discord.view.QueueView;
import dev.matchwave.discord.view.SearchingView;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the interaction handlers ask of the ladder: a JDA-free facade, implemented by the
 * application. Users are Discord user ids; answers are view records or sentences for the user.
 *
 * <p>Implementations are thread-safe. Methods may block on the database: the router calls them
 * on a virtual thread after it has deferred the interaction. They never throw for a user's
 * mistake (that is an answer); an exception means a fault, and the user gets a short apology.
 */
public interface LadderDesk {

    /** The {@code /queue} view with the user's saved choices. */
    QueueView queueView(long userId);

    /** Saves the race picked on one side ({@code bw} or {@code sc2}; empty: none) and shows the view again. */
    QueueView chooseRace(long userId, String side, Optional<String> race);

    /** Saves the vetoed maps and shows the view again. */
    QueueView vetoMaps(long userId, List<String> maps);

    /** Forgets the user's races and vetoes. */
    QueueView clearChoices(long userId);

    /**
     * Joins the queue with the saved choices.
     *
     * @param search the interaction whose response will be the "Searching..." message (stored
     *               with the queue entry in the same write, so a restarted bot can still edit it)
     */
    JoinAnswer join(long userId, MessageWriters.Interaction search);

    /** Leaves the queue. */
    String cancel(long userId);

    /** Records that the user accepted the terms of service. */
    String acceptTerms(long userId);

    /** The player's saved profile, to prefill {@code /setup}. */
    Optional<SetupForm> currentSetup(long userId);

    /** The home regions to choose from (at most 25). */
    List<String> homeRegions();

    /** Checks and saves the profile; the answer names each bad field. */
    String setup(long userId, SetupForm form);

    /**
     * Confirms the match.
     *
     * @return empty when it was done: the clicked message is re-rendered and shows it (his
     *     "Confirmed"), so nothing more is said; else the sentence for the player (refused, already
     *     done, the database unavailable), which comes as an ephemeral follow-up
     */
    Optional<String> confirm(long matchId, long userId);

    /** The abort button: {@code second} is the second click, which aborts. Always said to the player. */
    String abort(long matchId, long userId, boolean second);

    /**
     * The result select: remembers the choice until it is confirmed.
     *
     * @return empty when it was remembered (the re-rendered message shows the pick and enables
     *     the confirm select); else the sentence for the player, as for {@link #confirm}
     */
    Optional<String> chooseResult(long matchId, long userId, int resultCode);

    /**
     * The confirm select: reports the chosen result.
     *
     * @return empty when it was reported (the re-rendered message says "You reported: ..."); else
     *     the sentence for the player, as for {@link #confirm}
     */
    Optional<String> confirmResult(long matchId, long userId);

    /**
     * The match message as the player should see it now: his picked result preselected and the
     * confirm select enabled for it, the controls gone once he has reported. Empty when the
     * match is not his or its details are not shown yet (both players have not confirmed); the
     * message is then left as it is. Blocks on the ladder.
     */
    default java.util.Optional<dev.matchwave.discord.view.MatchView> matchView(long matchId, long userId) {
        return java.util.Optional.empty();
    }

    /**
     * The "match found" message as the player should see it now (who has confirmed, the abort
     * armed). Empty when the match is not his or is over; the message is then left as it is.
     * Blocks on the ladder.
     */
    default java.util.Optional<dev.matchwave.discord.view.MatchFoundView> matchFoundView(long matchId, long userId) {
        return java.util.Optional.empty();
    }

    /**
     * What {@code /match} shows the player: his open match, else his last one. Blocks on the
     * ladder.
     */
    default MatchRecall recallMatch(long userId) {
        return new MatchRecall.Nothing("/match is not available on this ladder.");
    }

    /** The answer to {@code /match}. */
    sealed interface MatchRecall {
        /**
         * A match to show again in a new message: while {@code started} is false (confirmations
         * awaited) its "match found" with Confirm and Abort, else its match message.
         */
        record Shown(long matchId, boolean started) implements MatchRecall {
        }

        /** Nothing to show again, and why, for the player. */
        record Nothing(String message) implements MatchRecall {
            public Nothing {
                java.util.Objects.requireNonNull(message, "message");
            }
        }
    }

    /**
     * A season's final leaderboard page ({@code /leaderboard season:N}), or the current one's
     * when {@code season} is the current season. Blocks on the ladder.
     */
    default SeasonStanding seasonLeaderboard(long userId, dev.matchwave.discord.view.LeaderboardView.Filter filter,
                                             int page, int season) {
        return new SeasonStanding.Refused("Seasons are not available on this ladder.");
    }

    /** The player's final record of a season ({@code /profile season:N}). Blocks on the ladder. */
    default SeasonStanding seasonProfile(long userId, int season) {
        return new SeasonStanding.Refused("Seasons are not available on this ladder.");
    }

    /** What a season-scoped /leaderboard or /profile shows. */
    sealed interface SeasonStanding {
        /** {@code season} is the current season: the usual view. */
        record Current() implements SeasonStanding {
        }

        /** A page of a closed season's final standings (no page buttons: the page option picks one). */
        record Board(int season, dev.matchwave.discord.view.LeaderboardView view) implements SeasonStanding {
        }

        /** A player's final ratings and records of a closed season. */
        record Record(int season, String name, java.util.List<dev.matchwave.discord.view.ProfileView.RaceLine> races)
                implements SeasonStanding {
            public Record {
                java.util.Objects.requireNonNull(name, "name");
                races = java.util.List.copyOf(races);
            }
        }

        /** No such season (or none to show), and why. */
        record Refused(String message) implements SeasonStanding {
            public Refused {
                java.util.Objects.requireNonNull(message, "message");
            }
        }
    }

    /** A page of the leaderboard with these filters (pages past the last show the last). */
    dev.matchwave.discord.view.LeaderboardView leaderboard(long userId,
            dev.matchwave.discord.view.LeaderboardView.Filter filter, int page);

    /** The user's profile, or why there is none to show. */
    ProfileAnswer profile(long userId);

    /** Changes the country of a set-up profile; {@code country} is what the user typed or picked. */
    String setCountry(long userId, String country);

    /**
     * Carries out an {@code /admin} subcommand for {@code adminId} (the router checked he is an
     * admin): audited in the database; a bad target or a refused action is answered with the
     * core's message and changes nothing.
     */
    String admin(long adminId, AdminRequest request);

    /** What {@link #profile} answers. */
    sealed interface ProfileAnswer {
        record Shown(dev.matchwave.discord.view.ProfileView view) implements ProfileAnswer {
            public Shown {
                Objects.requireNonNull(view, "view");
            }
        }

        record Missing(String message) implements ProfileAnswer {
            public Missing {
                Objects.requireNonNull(message, "message");
            }
        }
    }

    /** What {@link #join} answers. */
    sealed interface JoinAnswer {
        /** Queued: the searching message. */
        record Searching(SearchingView view) implements JoinAnswer {
            public Searching {
                Objects.requireNonNull(view, "view");
            }
        }

        /** Not queued, and why. */
        record Refused(String message) implements JoinAnswer {
            public Refused {
                Objects.requireNonNull(message, "message");
            }
        }
    }
}
