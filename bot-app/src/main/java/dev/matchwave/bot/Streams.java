package dev.matchwave.bot;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The standard streams one run of the command line reads and writes: {@link System#in},
 * {@link System#out} and {@link System#err} in {@link Main#main}, buffers in tests.
 */
record Streams(InputStream in, PrintStream out, PrintStream err) {

    Streams {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
