package dev.matchwave.bot;

import java.io.InputStream;
import java.io.PrintStream;

/** One job of the command line. */
interface Subcommand {

    String name();

    /** One line for {@code matchwave --help}. */
    String summary();

    /**
     * @return the process exit code
     * @throws UsageException for bad arguments or bad input: printed as one line, exit code 2
     */
    int run(String[] args, InputStream in, PrintStream out, PrintStream err);
}
