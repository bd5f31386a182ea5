package dev.matchwave.bot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --crash-at-wave}: a small demo whose bot is killed while wave 1's match messages go out,
 * and a new bot on the same database carries on. Counted from what the players saw: nobody is
 * lost or matched twice, every message owed at the kill is seen after it, none twice, and the
 * remaining waves run.
 */
@Tag("stress")
class CrashDemoTest {

    @Test
    void aKilledBotsPlayersLoseNothingAndSeeNothingTwice(@TempDir Path reports) throws Exception {
        runAndCheck(reports, false);
    }

    /** The same crash, with a standby bot on the same PostgreSQL server taking over by the lease. */
    @Test
    void aStandbyTakesOverDuringTheWaveAndItsPlayersLoseNothing(@TempDir Path reports) throws Exception {
        CrashFigures crash = runAndCheck(reports, true);
        assertThat(crash.standby()).isTrue();
    }

    private static CrashFigures runAndCheck(Path reports, boolean standby) throws Exception {
        DemoOptions options = new DemoOptions(30, 3, 5, true, reports, Duration.ofSeconds(2)).withCrash(1, standby);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        OfflineDemo.Outcome outcome = new OfflineDemo(options, Map.of(),
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DemoOutput.print(outcome, options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String seen = "progress:\n" + progress.toString(StandardCharsets.UTF_8) + "problems: " + outcome.problems();

        assertThat(outcome.figures().crash()).as(seen).isPresent();
        CrashFigures crash = outcome.figures().crash().orElseThrow();
        assertThat(crash.wave()).isEqualTo(1);
        assertThat(crash.downtimeMs()).as(seen).isPositive();
        assertThat(crash.notificationsOwed()).as("the kill came while wave 1's messages went out; " + seen)
                .isPositive();
        assertThat(crash.lost()).as(seen).isZero();
        assertThat(crash.doubleMatched()).as(seen).isZero();
        assertThat(crash.duplicatesSeen()).as(seen).isZero();
        assertThat(crash.notificationsDelivered()).as(seen).isEqualTo(crash.notificationsOwed());
        assertThat(crash.queuedAfter()).as(seen).isEqualTo(crash.queuedBefore());
        assertThat(outcome.figures().waves()).as("the waves after the crash ran; " + seen).hasSize(3);
        assertThat(outcome.problems()).as(seen).isEmpty();

        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8).strip()).get("crash");
        assertThat(json).as("the crash object of --json").isNotNull();
        for (String field : new String[] {"wave", "queuedBefore", "queuedAfter", "lost", "doubleMatched",
                "notificationsOwed", "notificationsDelivered", "duplicatesSeen", "downtimeMs"}) {
            assertThat(json.has(field)).as("crash." + field).isTrue();
        }
        assertThat(json.get("notificationsOwed").asInt()).isEqualTo(crash.notificationsOwed());
        return crash;
    }
}
