package dev.matchwave.bot;

import java.io.InputStream;
import java.io.PrintStream;

/** {@code matchwave pair}: placeholder until the pairing lands. */
final class PairCommand implements Subcommand {

    @Override
    public String name() {
        return "pair";
    }

    @Override
    public String summary() {
        return "pair a queue read as JSON lines and print the pairs as JSON";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        throw new UsageException("not available yet");
    }
}
