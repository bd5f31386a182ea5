package dev.matchwave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnowflakesTest {

    @Test
    void idsCarryTheClocksMillisecondAndRise() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00.042Z"));
        Snowflakes snowflakes = new Snowflakes(clock);
        long first = snowflakes.next();
        long second = snowflakes.next();
        assertThat(Snowflakes.instantOf(first)).isEqualTo(Instant.parse("2026-03-01T10:00:00.042Z"));
        assertThat(second).isGreaterThan(first);
        assertThat(Snowflakes.instantOf(second)).isEqualTo(Snowflakes.instantOf(first));
        clock.advance(Duration.ofMinutes(15));
        assertThat(Snowflakes.instantOf(snowflakes.next())).isEqualTo(Instant.parse("2026-03-01T10:15:00.042Z"));
    }

    @Test
    void discordsDocumentedExample() {
        // developers/reference#snowflakes: 175928847299117063 was made at 2016-04-30 11:18:25.796 UTC.
        assertThat(Snowflakes.instantOf(175928847299117063L)).isEqualTo(Instant.parse("2016-04-30T11:18:25.796Z"));
    }

    @Test
    void aClockThatGoesBackStillGivesRisingIds() {
        Instant[] now = {Instant.parse("2026-03-01T10:00:00Z")};
        Snowflakes snowflakes = new Snowflakes(() -> now[0]);
        long first = snowflakes.next();
        now[0] = now[0].minusSeconds(5);
        assertThat(snowflakes.next()).isGreaterThan(first);
        now[0] = Instant.parse("2014-01-01T00:00:00Z");
        assertThatThrownBy(snowflakes::next).hasMessageContaining("before the Discord epoch");
    }
}
