package dev.matchwave.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code matchwave bench}: listed here for help and shell completion; the {@code ./matchwave}
 * launcher runs it (it builds the benchmarks module and hands the arguments to JMH) before this
 * application starts. Reached only when the jar is started directly.
 */
@Command(name = "bench", description = {"run the JMH benchmarks (handled by the launcher script)", "",
        "./matchwave bench [JMH options] builds the benchmarks module and runs it, e.g."
                + " ./matchwave bench PairingBenchmark -f 1 -wi 2 -i 3"})
final class BenchCommand implements Callable<Integer> {

    // JMH's options, which only JMH reads.
    @Unmatched
    List<String> jmhOptions = new ArrayList<>();

    @Override
    public Integer call() {
        throw new UsageException("the benchmarks are an application of their own: run ./matchwave bench [JMH options]"
                + " from the repository, which builds and runs benchmarks/target/benchmarks.jar");
    }
}
