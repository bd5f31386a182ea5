package dev.matchwave.matchmaking.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueueConfigTest {

    @Test
    void theDefaultsAreTheReferenceLaddersValues() {
        QueueConfig config = QueueConfig.defaults();
        assertThat(config.waveInterval()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.maxWait()).isEqualTo(Duration.ofSeconds(9000));
        assertThat(config.joinLimit()).isEqualTo(10);
        assertThat(config.joinLimitWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.activeWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(QueueConfig.builder().build()).isEqualTo(config);
        assertThat(config.maxCycles()).isEqualTo(201);
    }

    @ParameterizedTest(name = "now {0} -> next wave {1}")
    @CsvSource({
            "1000, 1035",
            "1034, 1035",
            "1035, 1080",
            "0, 45",
            "-1, 0",
            "-45, 0",
            "1700000009, 1700000010",
            "1700000010, 1700000055",
    })
    void theNextWaveIsFloorOfNowOverIntervalPlusOneTimesInterval(long now, long next) {
        assertThat(QueueConfig.defaults().nextWaveAfter(Instant.ofEpochSecond(now)))
                .isEqualTo(Instant.ofEpochSecond(next));
    }

    @Test
    void subSecondIntervalsAlignOnMilliseconds() {
        QueueConfig config = QueueConfig.builder().waveInterval(Duration.ofMillis(250)).build();
        assertThat(config.nextWaveAfter(Instant.ofEpochMilli(1_001))).isEqualTo(Instant.ofEpochMilli(1_250));
        assertThat(config.nextWaveAfter(Instant.ofEpochSecond(1, 999_999))).isEqualTo(Instant.ofEpochMilli(1_250));
    }

    @Test
    void aBadOptionFailsAtOnceNamingIt() {
        assertThatThrownBy(() -> QueueConfig.builder().waveInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("waveInterval must be positive, got PT0S");
        assertThatThrownBy(() -> QueueConfig.builder().maxWait(Duration.ofSeconds(-1)))
                .hasMessage("maxWait must be positive, got PT-1S");
        assertThatThrownBy(() -> QueueConfig.builder().joinLimit(0, Duration.ofMinutes(1)))
                .hasMessage("joinLimit must be positive, got 0");
        assertThatThrownBy(() -> QueueConfig.builder().joinLimit(3, Duration.ZERO))
                .hasMessage("joinLimitWindow must be positive, got PT0S");
        assertThatThrownBy(() -> QueueConfig.builder().estimateWaves(-2))
                .hasMessage("estimateWaves must be positive, got -2");
        assertThatThrownBy(() -> QueueConfig.builder().estimateBandWidth(0))
                .hasMessage("estimateBandWidth must be positive, got 0");
        assertThatThrownBy(() -> QueueConfig.builder().activeWindow(Duration.ofDays(400)))
                .hasMessage("activeWindow must be at most 365 days, got PT9600H");
        assertThatThrownBy(() -> QueueConfig.builder().waveInterval(Duration.ofNanos(1_500_000)).build())
                .hasMessage("waveInterval must be a whole number of milliseconds, got PT0.0015S");
        assertThatThrownBy(() -> QueueConfig.builder().joinLimit(10_001, Duration.ofMinutes(1)).build())
                .hasMessage("joinLimit must be at most 10000, got 10001");
    }

    @Test
    void anOptionSetTwiceFailsAtOnce() {
        QueueConfig.Builder builder = QueueConfig.builder().waveInterval(Duration.ofSeconds(30));
        assertThatThrownBy(() -> builder.waveInterval(Duration.ofSeconds(60)))
                .isInstanceOf(IllegalStateException.class).hasMessage("waveInterval is already set");
        QueueService.Builder service = QueueService.builder(TestRules.SINGLE, TestRules.inJoinOrder())
                .config(QueueConfig.defaults());
        assertThatThrownBy(() -> service.config(QueueConfig.defaults())).hasMessage("config is already set");
    }
}
