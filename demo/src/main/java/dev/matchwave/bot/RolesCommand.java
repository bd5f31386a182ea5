package dev.matchwave.bot;

import dev.matchwave.bot.demo.RankRolesDemo;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code matchwave roles}: rank roles at scale against the local Discord. N players are rated at
 * once (each gets the role of his rank), then their order is reversed (a mass re-rank: nearly
 * everyone's letter moves, a removal and an addition each). For each phase it prints the
 * requests on the member role routes, every 429 the local Discord answered, the busiest second
 * of the global budget and how long the roles took. Runs on the real clock: 10,000 players take
 * minutes, paced by the member role buckets and the gate's background share.
 */
@Command(name = "roles",
        description = "rank roles for N players on the local Discord, then a mass re-rank: requests, 429s, time")
final class RolesCommand implements Callable<Integer> {

    static final int MIN_PLAYERS = 2;
    static final int MAX_PLAYERS = 50_000;

    @Option(names = "--players", paramLabel = "N",
            description = "players rated, " + MIN_PLAYERS + " to " + MAX_PLAYERS + " (default ${DEFAULT-VALUE})")
    int players = 10_000;

    @Option(names = "--role-bucket", paramLabel = "N/S", converter = RoleBucket.Reader.class,
            description = "the local Discord's bucket of each member role route, N requests per S seconds"
                    + " (default 10/1, the local Discord's)")
    RoleBucket bucket;

    private final Streams streams;

    RolesCommand(Streams streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    /** {@code --role-bucket N/S}: N requests per S whole seconds ("10/1", "50/1s"), both at least 1. */
    record RoleBucket(int requests, int seconds) {

        static final class Reader implements ITypeConverter<RoleBucket> {
            @Override
            public RoleBucket convert(String value) {
                String[] parts = value.split("/", -1);
                try {
                    if (parts.length == 2) {
                        int requests = Integer.parseInt(parts[0].strip());
                        int seconds = Integer.parseInt(parts[1].strip().replaceFirst("s$", ""));
                        if (requests >= 1 && seconds >= 1) {
                            return new RoleBucket(requests, seconds);
                        }
                    }
                } catch (NumberFormatException e) {
                    // The same message as a bad shape.
                }
                throw new TypeConversionException("must be N/S (requests per whole seconds), got '" + value + "'");
            }
        }
    }

    @Override
    public Integer call() {
        if (players < MIN_PLAYERS || players > MAX_PLAYERS) {
            throw new UsageException("--players must be from " + MIN_PLAYERS + " to " + MAX_PLAYERS + ", got " + players);
        }
        return RankRolesDemo.run(players, Optional.ofNullable(bucket).map(b -> new int[] {b.requests(), b.seconds()}),
                streams.out());
    }
}
