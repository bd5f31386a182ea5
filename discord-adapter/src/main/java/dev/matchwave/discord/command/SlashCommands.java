package dev.matchwave.discord.command;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * The slash commands of the reference ladder (LADDER.md, "Commands of the public bot"), built
 * as JDA command data: plain objects, no connection needed.
 *
 * <p>Every command is offered in servers and in the bot's direct messages. The
 * {@linkplain #DIRECT_MESSAGE_ONLY direct-message-only} ones are not hidden from servers on
 * purpose: a player who types {@code /queue} in a server gets a clear answer telling him to use
 * it in a direct message (the router checks {@link #directMessageOnly}), where a hidden command
 * would just be missing. {@code /admin} is offered to everyone too: the handler checks the
 * caller against the configured admin ids, refuses everybody else and logs the attempt.
 *
 * <p>Stateless and thread-safe; each call builds new (mutable) JDA objects.
 */
public final class SlashCommands {

    public static final String QUEUE = "queue";
    public static final String LEADERBOARD = "leaderboard";
    public static final String PROFILE = "profile";
    public static final String SETUP = "setup";
    public static final String SET_COUNTRY = "setcountry";
    public static final String TERMS_OF_SERVICE = "termsofservice";
    public static final String PRUNE = "prune";
    /** Issue 17: the player's open match (or his last) shown again, in a new message. */
    public static final String MATCH = "match";
    public static final String ADMIN = "admin";

    /**
     * LADDER.md: "Direct-message only: /queue, /profile, /setup, /setcountry, /termsofservice,
     * /prune"; and /match, whose message (with the match's controls) goes to the DM.
     */
    public static final Set<String> DIRECT_MESSAGE_ONLY =
            Set.of(QUEUE, PROFILE, SETUP, SET_COUNTRY, TERMS_OF_SERVICE, PRUNE, MATCH);

    /** Option names, shared with the handlers that read them. */
    public static final class Options {
        public static final String COUNTRY = "country";
        public static final String RACE = "race";
        public static final String RANK = "rank";
        public static final String BEST_RACE_ONLY = "best_race_only";
        public static final String PAGE = "page";
        public static final String USER = "user";
        public static final String MATCH_ID = "match_id";
        public static final String RESULT = "result";
        public static final String VALUE = "value";
        public static final String ABORTS = "aborts";
        public static final String REASON = "reason";
        /** A season number (/leaderboard, /profile); and the reset of /admin new_season. */
        public static final String SEASON = "season";
        public static final String RESET = "reset";
        public static final String FRACTION_PERCENT = "fraction_percent";
        public static final String STARTS_AT = "starts_at";
        /** The new season's map pool of /admin new_season: names separated by commas. */
        public static final String MAPS = "maps";

        private Options() {
        }
    }

    /** The {@code /admin} subcommands and group of LADDER.md. */
    public static final class Admin {
        public static final String SNAPSHOT = "snapshot";
        public static final String PLAYER = "player";
        public static final String MATCH = "match";
        public static final String RESOLVE = "resolve";
        /** A group: {@code /admin adjust_mmr set|add|subtract}. */
        public static final String ADJUST_MMR = "adjust_mmr";
        public static final String SET = "set";
        public static final String ADD = "add";
        public static final String SUBTRACT = "subtract";
        public static final String REMOVE_QUEUE = "remove_queue";
        public static final String UNBLOCK_QUEUE = "unblock_queue";
        public static final String BAN = "ban";
        public static final String RESET_ABORTS = "reset_aborts";
        public static final String CLEAR_QUEUE = "clear_queue";
        /** Lifts a no-show bar (issue 17). */
        public static final String LIFT_COOLDOWN = "lift_cooldown";
        /** Closes the season and starts the next one (issue 17). */
        public static final String NEW_SEASON = "new_season";

        private Admin() {
        }
    }

    /**
     * The admin result choices, valued with LADDER.md's codes: 1 player 1 won, 2 player 2 won,
     * 0 draw, -1 abort (no rating change).
     */
    public static final List<ResultChoice> ADMIN_RESULTS = List.of(
            new ResultChoice("Player 1 won", 1),
            new ResultChoice("Player 2 won", 2),
            new ResultChoice("Draw", 0),
            new ResultChoice("Invalidate (abort, no rating change)", -1));

    /** One result an admin can pick, with its LADDER.md code. */
    public record ResultChoice(String label, int code) {
        public ResultChoice {
            Objects.requireNonNull(label, "label");
        }
    }

    /** The longest reason an admin may give; it goes to the audit log. */
    public static final int MAX_REASON_LENGTH = 200;

    /** The highest rating an admin may set, a sanity bound far above any real rating. */
    public static final int MAX_RATING = 10_000;

    private SlashCommands() {
    }

    /** Whether the command answers only in a direct message with the bot. */
    public static boolean directMessageOnly(String commandName) {
        return DIRECT_MESSAGE_ONLY.contains(commandName);
    }

    /** Every command of the bot, for {@code updateCommands().addCommands(...)}. */
    public static List<SlashCommandData> definitions(CommandVocabulary vocabulary) {
        Objects.requireNonNull(vocabulary, "vocabulary");
        return List.of(
                offered(Commands.slash(QUEUE, "Queue for a ranked match: pick your races and map vetoes, then join")),
                leaderboard(vocabulary),
                offered(Commands.slash(PROFILE, "Your ratings, ranks, records and settings")
                        .addOptions(season("Your final record of this season (default: the current one)"))),
                offered(Commands.slash(SETUP, "Set up your player profile: ids, BattleTag, country and region")),
                offered(Commands.slash(SET_COUNTRY, "Change the country shown next to your name")
                        .addOptions(country(true))),
                offered(Commands.slash(TERMS_OF_SERVICE, "Read and accept the ladder's terms of service")),
                offered(Commands.slash(PRUNE, "Delete the bot's messages in this chat that are older than 3 hours")),
                offered(Commands.slash(MATCH, "Show your open match (or your last one) again, with its controls")),
                admin(vocabulary));
    }

    private static SlashCommandData offered(SlashCommandData command) {
        // Installed in servers; usable in servers and in the bot's DMs (not in other people's DMs).
        return command.setIntegrationTypes(IntegrationType.GUILD_INSTALL)
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
    }

    private static OptionData country(boolean required) {
        return new OptionData(OptionType.STRING, Options.COUNTRY,
                "Country: type to search (ISO code or name; ZZ for other)", required, true)
                .setRequiredLength(2, 60);
    }

    private static OptionData race(CommandVocabulary vocabulary, boolean required, String description) {
        OptionData option = new OptionData(OptionType.STRING, Options.RACE, description, required);
        vocabulary.races().forEach(race -> option.addChoice(race.label(), race.value()));
        return option;
    }

    private static SlashCommandData leaderboard(CommandVocabulary vocabulary) {
        OptionData rank = new OptionData(OptionType.STRING, Options.RANK, "Only this letter rank");
        vocabulary.ranks().forEach(r -> rank.addChoice(r, r));
        return offered(Commands.slash(LEADERBOARD, "The ladder's ranking, 40 players a page")
                .addOptions(
                        country(false).setDescription("Only players from this country"),
                        race(vocabulary, false, "Only this race"),
                        rank,
                        new OptionData(OptionType.BOOLEAN, Options.BEST_RACE_ONLY,
                                "Show each player once, with his best race"),
                        new OptionData(OptionType.INTEGER, Options.PAGE, "Page to open (default 1)")
                                .setRequiredRange(1, vocabulary.leaderboardPages()),
                        season("The final standings of this season (default: the current one)")));
    }

    private static OptionData season(String description) {
        return new OptionData(OptionType.INTEGER, Options.SEASON, description).setMinValue(1);
    }

    private static OptionData user(String description) {
        return new OptionData(OptionType.USER, Options.USER, description, true);
    }

    private static OptionData reason() {
        return new OptionData(OptionType.STRING, Options.REASON, "Why: kept in the audit log", true)
                .setRequiredLength(3, MAX_REASON_LENGTH);
    }

    private static OptionData matchId() {
        return new OptionData(OptionType.INTEGER, Options.MATCH_ID, "The match number", true).setMinValue(1);
    }

    private static SlashCommandData admin(CommandVocabulary vocabulary) {
        OptionData result = new OptionData(OptionType.INTEGER, Options.RESULT, "The result to record", true);
        ADMIN_RESULTS.forEach(choice -> result.addChoice(choice.label(), choice.code()));

        SubcommandGroupData adjustMmr = new SubcommandGroupData(Admin.ADJUST_MMR, "Change a player's rating for one race")
                .addSubcommands(
                        adjustment(vocabulary, Admin.SET, "Set the rating to a value", 0),
                        adjustment(vocabulary, Admin.ADD, "Add points to the rating", 1),
                        adjustment(vocabulary, Admin.SUBTRACT, "Subtract points from the rating", 1));

        return offered(Commands.slash(ADMIN, "Ladder administration (configured admins only; every action is audited)"))
                .addSubcommands(
                        new SubcommandData(Admin.SNAPSHOT, "Queue, matches in progress and recent waves"),
                        new SubcommandData(Admin.PLAYER, "Look up a player: profile, ratings, aborts, bans, matches")
                                .addOptions(user("The player")),
                        new SubcommandData(Admin.MATCH, "Look up a match: players, reports, result, ratings")
                                .addOptions(matchId()),
                        new SubcommandData(Admin.RESOLVE, "Decide a match's result (again, if need be)")
                                .addOptions(matchId(), result, reason()),
                        new SubcommandData(Admin.REMOVE_QUEUE, "Take a player out of the queue")
                                .addOptions(user("The player to remove"), reason()),
                        new SubcommandData(Admin.UNBLOCK_QUEUE, "Let a player queue again when a stuck match blocks him")
                                .addOptions(user("The player to unblock"), reason()),
                        new SubcommandData(Admin.BAN, "Ban a player from queueing, or lift his ban (toggle)")
                                .addOptions(user("The player"), reason()),
                        new SubcommandData(Admin.RESET_ABORTS, "Give a player his aborts back")
                                .addOptions(user("The player"), reason(),
                                        // Discord lists optional options after the required ones.
                                        new OptionData(OptionType.INTEGER, Options.ABORTS,
                                                "Aborts he has afterwards (default " + vocabulary.abortsPerPlayer() + ")")
                                                .setRequiredRange(0, vocabulary.abortsPerPlayer())),
                        new SubcommandData(Admin.CLEAR_QUEUE, "Remove every player from the queue")
                                .addOptions(reason()),
                        new SubcommandData(Admin.LIFT_COOLDOWN,
                                "Let a player barred for not confirming matches queue again now")
                                .addOptions(user("The barred player"), reason()),
                        new SubcommandData(Admin.NEW_SEASON, "Close the season and start the next one, now or later")
                                .addOptions(new OptionData(OptionType.STRING, Options.RESET,
                                                "Where ratings start the new season", true)
                                                .addChoice("carry over", "carry")
                                                .addChoice("back to the initial rating", "initial")
                                                .addChoice("a fraction of the way to the initial rating", "toward"),
                                        reason(),
                                        new OptionData(OptionType.INTEGER, Options.FRACTION_PERCENT,
                                                "With toward: how far, in percent (e.g. 50)")
                                                .setRequiredRange(0, 100),
                                        new OptionData(OptionType.STRING, Options.STARTS_AT,
                                                "When, in UTC, e.g. 2027-01-01T00:00:00Z (default: now)")
                                                .setRequiredLength(10, 40),
                                        new OptionData(OptionType.STRING, Options.MAPS,
                                                "The new season's maps, separated by commas (default: the same maps)")
                                                .setRequiredLength(1, 2600)))
                .addSubcommandGroups(adjustMmr);
    }

    private static SubcommandData adjustment(CommandVocabulary vocabulary, String name, String description, int min) {
        return new SubcommandData(name, description).addOptions(
                user("The player"),
                race(vocabulary, true, "The race whose rating changes"),
                new OptionData(OptionType.INTEGER, Options.VALUE, "Rating points", true).setRequiredRange(min, MAX_RATING),
                reason());
    }
}
