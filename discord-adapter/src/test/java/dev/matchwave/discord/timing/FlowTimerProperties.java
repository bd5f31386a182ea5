package dev.matchwave.discord.timing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FlowTimerProperties {

    /** The steps are the gaps between checkpoints; with the tail they make up the total. */
    @Property(tries = 300)
    void stepsAndTheTailAddUpToTheTotal(
            @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 1_000_000) Integer> stepMicros,
            @ForAll @IntRange(min = 0, max = 1_000_000) int tailMicros,
            @ForAll @IntRange(min = 1, max = 2_000) int targetMillis) {
        FakeTicker ticker = new FakeTicker();
        List<FlowReport> reports = new ArrayList<>();
        FlowRecorder recorder = new FlowRecorder(ticker,
                FlowTargets.none().with("flow", Duration.ofMillis(targetMillis)), reports::add);
        FlowTimer timer = recorder.start("flow");
        for (int i = 0; i < stepMicros.size(); i++) {
            ticker.advance(Duration.ofNanos(stepMicros.get(i) * 1_000L));
            timer.checkpoint("step" + i);
        }
        ticker.advance(Duration.ofNanos(tailMicros * 1_000L));
        FlowReport report = timer.finish("ok");

        long expectedTotal = (stepMicros.stream().mapToLong(Integer::longValue).sum() + tailMicros) * 1_000L;
        assertThat(report.total().toNanos()).isEqualTo(expectedTotal);
        assertThat(report.untracked()).isEqualTo(Duration.ofNanos(tailMicros * 1_000L));
        assertThat(report.slow()).isEqualTo(expectedTotal > targetMillis * 1_000_000L);
        assertThat(reports).containsExactly(report);
        String line = report.logLine();
        assertThat(line).doesNotContain("\n");
        int from = 0;
        for (int i = 0; i < stepMicros.size(); i++) {
            int at = line.indexOf("step" + i + ":", from);
            assertThat(at).as("step %d in order in %s", i, line).isGreaterThanOrEqualTo(from);
            from = at;
        }
    }
}
