package dev.matchwave.bot.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.discord.timing.FlowReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlowLogTest {

    @Test
    void slowFlowsGoToWarnOthersToInfo() {
        List<String> info = new ArrayList<>();
        List<String> warn = new ArrayList<>();
        FlowLog log = new FlowLog(info::add, warn::add);
        FlowReport fast = new FlowReport("join", "ok", Duration.ofMillis(100), List.of(), Optional.of(Duration.ofMillis(500)));
        FlowReport slow = new FlowReport("join", "ok", Duration.ofMillis(501), List.of(), Optional.of(Duration.ofMillis(500)));
        log.flowFinished(fast);
        log.flowFinished(slow);
        assertThat(info).containsExactly(fast.logLine());
        assertThat(warn).containsExactly(slow.logLine());
        FlowLog.toSlf4j().flowFinished(fast);
    }
}
