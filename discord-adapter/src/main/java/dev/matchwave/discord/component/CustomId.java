package dev.matchwave.discord.component;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What a click on one of the bot's components means: an action, the match it concerns (if
 * any), the player the component was made for, and a short argument.
 *
 * <p>Encoded as {@code mw1:<action>:<match>:<player>} or {@code mw1:<action>:<match>:<player>:<argument>},
 * where {@code mw} marks the bot's ids, {@code 1} is the scheme's version, {@code <match>} is a
 * decimal id or {@code -}, and {@code <player>} a Discord user id. For example
 * {@code mw1:conf:1042:123456789012345678}. The player id lets a handler refuse a click by
 * anybody else (a shared message, a forwarded DM). Discord limits custom ids to 100 characters;
 * the longest encoding here stays under that.
 *
 * <p>Immutable and thread-safe.
 *
 * @param action   what the component does
 * @param matchId  the match, present exactly when {@link ComponentAction#aboutAMatch()}
 * @param playerId the Discord user the component was made for
 * @param argument extra data, e.g. a leaderboard page and filters; empty for none; at most
 *                 {@value #MAX_ARGUMENT_LENGTH} characters from {@code [A-Za-z0-9_.,;=+-]}
 */
public record CustomId(ComponentAction action, OptionalLong matchId, long playerId, String argument) {

    /** Marks the bot's custom ids. */
    public static final String PREFIX = "mw";
    /** The scheme's version: a change to the layout raises it, and old ids read as stale. */
    public static final int VERSION = 1;
    public static final int MAX_ARGUMENT_LENGTH = 40;
    /** Discord's limit on a custom id's length. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern ARGUMENT = Pattern.compile("[A-Za-z0-9_.,;=+-]*");
    private static final Pattern VERSIONED = Pattern.compile(PREFIX + "(\\d{1,3}):.*", Pattern.DOTALL);
    private static final String NO_MATCH = "-";

    public CustomId {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(argument, "argument");
        if (action.aboutAMatch() != matchId.isPresent()) {
            throw new IllegalArgumentException("action " + action + (action.aboutAMatch()
                    ? " needs a match id" : " takes no match id, got " + matchId.getAsLong()));
        }
        if (matchId.isPresent() && matchId.getAsLong() <= 0) {
            throw new IllegalArgumentException("matchId must be positive, got " + matchId.getAsLong());
        }
        if (playerId <= 0) {
            throw new IllegalArgumentException("playerId must be a positive Discord id, got " + playerId);
        }
        if (argument.length() > MAX_ARGUMENT_LENGTH || !ARGUMENT.matcher(argument).matches()) {
            throw new IllegalArgumentException("argument must be at most " + MAX_ARGUMENT_LENGTH
                    + " characters from [A-Za-z0-9_.,;=+-], got '" + argument + "'");
        }
    }

    /** A component about a match. */
    public static CustomId forMatch(ComponentAction action, long matchId, long playerId) {
        return new CustomId(action, OptionalLong.of(matchId), playerId, "");
    }

    /** A component about no particular match (queue view, leaderboard, setup). */
    public static CustomId forPlayer(ComponentAction action, long playerId) {
        return new CustomId(action, OptionalLong.empty(), playerId, "");
    }

    /** The same id with an argument. */
    public CustomId withArgument(String newArgument) {
        return new CustomId(action, matchId, playerId, newArgument);
    }

    /** The string that goes into the component. */
    public String encode() {
        StringBuilder id = new StringBuilder(64).append(PREFIX).append(VERSION).append(':')
                .append(action.code()).append(':')
                .append(matchId.isPresent() ? Long.toString(matchId.getAsLong()) : NO_MATCH).append(':')
                .append(playerId);
        if (!argument.isEmpty()) {
            id.append(':').append(argument);
        }
        return id.toString();
    }

    /** Whether this string looks like one of the bot's ids (any version). */
    public static boolean isOurs(String customId) {
        return VERSIONED.matcher(customId).matches();
    }

    /**
     * Reads a custom id that Discord sent back.
     *
     * @throws CustomIdException {@code FOREIGN} for an id the bot did not make, {@code STALE}
     *                           for another version of the scheme, {@code MALFORMED} for a
     *                           damaged or inconsistent one; the message names the problem
     */
    public static CustomId parse(String customId) {
        Objects.requireNonNull(customId, "customId");
        String shown = customId.length() > MAX_LENGTH ? customId.substring(0, MAX_LENGTH) + "..." : customId;
        var versioned = VERSIONED.matcher(customId);
        if (!versioned.matches()) {
            throw new CustomIdException(CustomIdException.Problem.FOREIGN, "not a matchwave custom id: '" + shown + "'");
        }
        int version = Integer.parseInt(versioned.group(1));
        if (version != VERSION) {
            throw new CustomIdException(CustomIdException.Problem.STALE, "custom id '" + shown + "' has version "
                    + version + ", this bot reads version " + VERSION);
        }
        if (!versioned.group(1).equals(Integer.toString(VERSION))) {
            throw malformed(shown, "version '" + versioned.group(1) + "' is not written plainly");
        }
        if (customId.length() > MAX_LENGTH) {
            throw malformed(shown, "longer than " + MAX_LENGTH + " characters");
        }
        String[] parts = customId.split(":", -1);
        if (parts.length != 4 && parts.length != 5) {
            throw malformed(shown, "expected 4 or 5 ':'-separated parts, got " + parts.length);
        }
        ComponentAction action = ComponentAction.byCode(parts[1])
                .orElseThrow(() -> new CustomIdException(CustomIdException.Problem.STALE,
                        "custom id '" + shown + "' has an unknown action '" + parts[1] + "'"));
        OptionalLong matchId;
        if (parts[2].equals(NO_MATCH)) {
            matchId = OptionalLong.empty();
        } else {
            matchId = OptionalLong.of(positive(parts[2], "match id", shown));
        }
        long playerId = positive(parts[3], "player id", shown);
        String argument = parts.length == 5 ? parts[4] : "";
        if (parts.length == 5 && argument.isEmpty()) {
            throw malformed(shown, "empty argument after the last ':'");
        }
        try {
            return new CustomId(action, matchId, playerId, argument);
        } catch (IllegalArgumentException e) {
            throw malformed(shown, e.getMessage());
        }
    }

    private static long positive(String text, String what, String shown) {
        // One way to write each number: no sign, no leading zero.
        if (text.isEmpty() || text.length() > 19 || text.charAt(0) == '0'
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed(shown, what + " '" + text + "' is not a positive number");
        }
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through: too large for a long
        }
        throw malformed(shown, what + " '" + text + "' is not a positive number");
    }

    private static CustomIdException malformed(String shown, String why) {
        return new CustomIdException(CustomIdException.Problem.MALFORMED, "custom id '" + shown + "': " + why);
    }

    @Override
    public String toString() {
        return encode();
    }
}
