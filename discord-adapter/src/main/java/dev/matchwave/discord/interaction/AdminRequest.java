package dev.matchwave.discord.interaction;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One {@code /admin} subcommand with its options, read from the slash command by the router
 * ({@link #read}) and carried out by {@link LadderDesk#admin}. Users are Discord ids.
 */
public sealed interface AdminRequest {

    /** Queue size and status. */
    record Snapshot() implements AdminRequest {
    }

    /** Look up a player. */
    record Player(long user) implements AdminRequest {
    }

    /** Look up a match. */
    record Match(long matchId) implements AdminRequest {
    }

    /** Decide a match: {@code result} is LADDER.md's code (1, 2, 0 draw, -1 invalidate). */
    record Resolve(long matchId, int result, String reason) implements AdminRequest {
        public Resolve {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** {@code /admin adjust_mmr set|add|subtract}: {@code mode} is the subcommand's name. */
    record AdjustMmr(long user, String mode, String race, int value, String reason) implements AdminRequest {
        public AdjustMmr {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(race, "race");
            Objects.requireNonNull(reason, "reason");
        }
    }

    record RemoveQueue(long user, String reason) implements AdminRequest {
        public RemoveQueue {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record UnblockQueue(long user, String reason) implements AdminRequest {
        public UnblockQueue {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Toggles the ban. */
    record Ban(long user, String reason) implements AdminRequest {
        public Ban {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** {@code aborts} empty: the full budget. */
    record ResetAborts(long user, String reason, OptionalInt aborts) implements AdminRequest {
        public ResetAborts {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(aborts, "aborts");
        }
    }

    record ClearQueue(String reason) implements AdminRequest {
        public ClearQueue {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A slash command's options by name: the string form and the long form (users, integers). */
    interface Options {
        java.util.Optional<String> string(String name);

        java.util.OptionalLong number(String name);
    }

    /**
     * Reads a subcommand ({@code group} is {@code adjust_mmr} or empty); a missing required option
     * (Discord enforces them, so only a changed definition gets here) or an unknown subcommand is
     * an {@link IllegalArgumentException} naming it.
     */
    static AdminRequest read(java.util.Optional<String> group, String subcommand, Options options) {
        if (group.isPresent()) {
            if (!group.get().equals(dev.matchwave.discord.command.SlashCommands.Admin.ADJUST_MMR)) {
                throw new IllegalArgumentException("unknown /admin group " + group.get());
            }
            return new AdjustMmr(user(options), subcommand, string(options, "race"),
                    Math.toIntExact(number(options, "value")), reason(options));
        }
        return switch (subcommand) {
            case "snapshot" -> new Snapshot();
            case "player" -> new Player(user(options));
            case "match" -> new Match(number(options, "match_id"));
            case "resolve" -> new Resolve(number(options, "match_id"), Math.toIntExact(number(options, "result")),
                    reason(options));
            case "remove_queue" -> new RemoveQueue(user(options), reason(options));
            case "unblock_queue" -> new UnblockQueue(user(options), reason(options));
            case "ban" -> new Ban(user(options), reason(options));
            case "reset_aborts" -> {
                var aborts = options.number("aborts");
                yield new ResetAborts(user(options), reason(options),
                        aborts.isPresent() ? OptionalInt.of(Math.toIntExact(aborts.getAsLong())) : OptionalInt.empty());
            }
            case "clear_queue" -> new ClearQueue(reason(options));
            default -> throw new IllegalArgumentException("unknown /admin subcommand " + subcommand);
        };
    }

    private static long user(Options options) {
        return number(options, "user");
    }

    private static String reason(Options options) {
        return string(options, "reason").strip();
    }

    private static String string(Options options, String name) {
        return options.string(name).orElseThrow(() -> new IllegalArgumentException("/admin: option " + name + " is missing"));
    }

    private static long number(Options options, String name) {
        var value = options.number(name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("/admin: option " + name + " is missing");
        }
        return value.getAsLong();
    }
}
