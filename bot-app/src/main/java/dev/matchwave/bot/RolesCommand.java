package dev.matchwave.bot;

import dev.matchwave.bot.demo.RankRolesDemo;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Optional;

/**
 * {@code matchwave roles}: rank roles at scale against the local Discord. N players are rated at
 * once (each gets the role of his rank), then their order is reversed (a mass re-rank: nearly
 * everyone's letter moves, a removal and an addition each). For each phase it prints the
 * requests on the member role routes, every 429 the local Discord answered, the busiest second
 * of the global budget and how long the roles took. Runs on the real clock: 10,000 players take
 * minutes, paced by the member role buckets and the gate's background share.
 */
final class RolesCommand implements Subcommand {

    private static final String USAGE = "usage: matchwave roles [--players N] [--role-bucket N/S]";

    @Override
    public String name() {
        return "roles";
    }

    @Override
    public String summary() {
        return "rank roles for N players on the local Discord, then a mass re-rank: requests, 429s, time";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        int players = 10_000;
        Optional<int[]> bucket = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help")) {
                out.println(USAGE);
                out.println("  --players N        players rated, 2 to 50000 (default 10000)");
                out.println("  --role-bucket N/S  the local Discord's bucket of each member role route, N requests per"
                        + " S seconds (default 10/1, the local Discord's)");
                return 0;
            }
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value (" + USAGE + ")");
            }
            String value = args[++i];
            switch (option) {
                case "--players" -> {
                    try {
                        players = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--players must be a whole number, got '" + value + "'");
                    }
                    if (players < 2 || players > 50_000) {
                        throw new UsageException("--players must be from 2 to 50000, got " + players);
                    }
                }
                case "--role-bucket" -> {
                    String[] parts = value.split("/", -1);
                    try {
                        bucket = Optional.of(new int[] {Integer.parseInt(parts[0].strip()),
                                Integer.parseInt(parts[1].strip().replaceFirst("s$", ""))});
                        if (bucket.get()[0] < 1 || bucket.get()[1] < 1) {
                            throw new NumberFormatException();
                        }
                    } catch (RuntimeException e) {
                        throw new UsageException("--role-bucket must be N/S (requests per whole seconds), got '"
                                + value + "'");
                    }
                }
                default -> throw new UsageException("unknown option '" + option + "' (" + USAGE + ")");
            }
        }
        return RankRolesDemo.run(players, bucket, out);
    }
}
