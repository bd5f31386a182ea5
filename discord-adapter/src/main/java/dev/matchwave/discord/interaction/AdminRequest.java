package dev.matchwave.discord.interaction;

import dev.matchwave.discord.command.SlashCommands.Admin;
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
            Objects.requireNonNull(race, Names.RACE);
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
            Objects.requireNonNull(aborts, Names.ABORTS);
        }
    }

    /** Lifts the player's queue bar for not confirming matches. */
    record LiftCooldown(long user, String reason) implements AdminRequest {
        public LiftCooldown {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Closes the season and starts the next: {@code reset} is {@code carry}, {@code initial} or
     * {@code toward} (with {@code fractionPercent}); {@code startsAt} as typed (empty: now);
     * {@code maps} the new season's map pool as typed, names separated by commas (empty: the
     * closing season's pool).
     */
    record NewSeason(String reset, OptionalInt fractionPercent, String reason, java.util.Optional<String> startsAt,
                     java.util.Optional<String> maps) implements AdminRequest {
        public NewSeason {
            Objects.requireNonNull(reset, "reset");
            Objects.requireNonNull(fractionPercent, "fractionPercent");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(maps, "maps");
        }

        /** On the closing season's map pool. */
        public NewSeason(String reset, OptionalInt fractionPercent, String reason, java.util.Optional<String> startsAt) {
            this(reset, fractionPercent, reason, startsAt, java.util.Optional.empty());
        }
    }

    record ClearQueue(String reason) implements AdminRequest {
        public ClearQueue {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The option names of {@link dev.matchwave.discord.command.SlashCommands}. */
    final class Names {
        static final String USER = dev.matchwave.discord.command.SlashCommands.Options.USER;
        static final String REASON = dev.matchwave.discord.command.SlashCommands.Options.REASON;
        static final String MATCH_ID = dev.matchwave.discord.command.SlashCommands.Options.MATCH_ID;
        static final String RESULT = dev.matchwave.discord.command.SlashCommands.Options.RESULT;
        static final String ABORTS = dev.matchwave.discord.command.SlashCommands.Options.ABORTS;
        static final String RACE = dev.matchwave.discord.command.SlashCommands.Options.RACE;
        static final String VALUE = dev.matchwave.discord.command.SlashCommands.Options.VALUE;

        private Names() {
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
            if (!group.get().equals(Admin.ADJUST_MMR)) {
                throw new IllegalArgumentException("unknown /admin group " + group.get());
            }
            return new AdjustMmr(user(options), subcommand, string(options, Names.RACE),
                    Math.toIntExact(number(options, Names.VALUE)), reason(options));
        }
        return switch (subcommand) {
            case Admin.SNAPSHOT -> new Snapshot();
            case Admin.PLAYER -> new Player(user(options));
            case Admin.MATCH -> new Match(number(options, Names.MATCH_ID));
            case Admin.RESOLVE -> new Resolve(number(options, Names.MATCH_ID), Math.toIntExact(number(options, Names.RESULT)),
                    reason(options));
            case Admin.REMOVE_QUEUE -> new RemoveQueue(user(options), reason(options));
            case Admin.UNBLOCK_QUEUE -> new UnblockQueue(user(options), reason(options));
            case Admin.BAN -> new Ban(user(options), reason(options));
            case Admin.RESET_ABORTS -> {
                var aborts = options.number(Names.ABORTS);
                yield new ResetAborts(user(options), reason(options),
                        aborts.isPresent() ? OptionalInt.of(Math.toIntExact(aborts.getAsLong())) : OptionalInt.empty());
            }
            case Admin.CLEAR_QUEUE -> new ClearQueue(reason(options));
            case Admin.LIFT_COOLDOWN -> new LiftCooldown(user(options), reason(options));
            case Admin.NEW_SEASON -> {
                var percent = options.number(dev.matchwave.discord.command.SlashCommands.Options.FRACTION_PERCENT);
                yield new NewSeason(string(options, dev.matchwave.discord.command.SlashCommands.Options.RESET),
                        percent.isPresent() ? OptionalInt.of(Math.toIntExact(percent.getAsLong())) : OptionalInt.empty(),
                        reason(options), options.string(dev.matchwave.discord.command.SlashCommands.Options.STARTS_AT)
                                .map(String::strip),
                        options.string(dev.matchwave.discord.command.SlashCommands.Options.MAPS).map(String::strip));
            }
            default -> throw new IllegalArgumentException("unknown /admin subcommand " + subcommand);
        };
    }

    private static long user(Options options) {
        return number(options, Names.USER);
    }

    private static String reason(Options options) {
        return string(options, Names.REASON).strip();
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
