package dev.matchwave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatorConfigTest {

    @Test
    void defaultsAreDiscords() {
        EmulatorConfig config = EmulatorConfig.defaults();
        assertThat(config.host().isLoopbackAddress()).isTrue();
        assertThat(config.restPort()).isZero();
        assertThat(config.gatewayPort()).isZero();
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofMillis(41_250));
        assertThat(config.interactionDeadline()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.interactionTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.rateLimits().globalPerSecond()).isEqualTo(50);
        assertThat(config.channelNames()).containsExactly("general");
    }

    @Test
    void badOptionsFailAtOnceNamingTheOption() throws Exception {
        assertThatThrownBy(() -> EmulatorConfig.builder().restPort(70_000).build())
                .hasMessage("restPort must be between 0 and 65535, got 70000");
        assertThatThrownBy(() -> EmulatorConfig.builder().botToken("a b").build())
                .hasMessage("botToken must be non-blank without whitespace");
        assertThatThrownBy(() -> EmulatorConfig.builder().channelNames(List.of("General Chat")).build())
                .hasMessageContaining("channelNames: 'General Chat' is not a Discord text channel name");
        assertThatThrownBy(() -> EmulatorConfig.builder().channelNames(List.of("a", "a")).build())
                .hasMessage("channelNames: 'a' is named twice");
        assertThatThrownBy(() -> EmulatorConfig.builder().interactionDeadline(Duration.ZERO).build())
                .hasMessage("interactionDeadline must be positive, got PT0S");
        assertThatThrownBy(() -> EmulatorConfig.builder().interactionTokenLifetime(Duration.ofSeconds(1)).build())
                .hasMessageContaining("interactionTokenLifetime (PT1S) must be at least interactionDeadline (PT3S)");
        assertThatThrownBy(() -> EmulatorConfig.builder().host(InetAddress.getByName("10.0.0.1")).build())
                .hasMessageContaining("host must be a loopback address");
        assertThatThrownBy(() -> EmulatorConfig.builder().seed(1).seed(2)).hasMessage("seed is set twice");
    }

    @Test
    void twoEmulatorsRunSideBySideOnFreePorts() {
        try (DiscordEmulator one = DiscordEmulator.start(); DiscordEmulator two = DiscordEmulator.start()) {
            assertThat(one.apiUrl()).isNotEqualTo(two.apiUrl());
            assertThat(one.gatewayUrl()).isNotEqualTo(two.gatewayUrl());
            assertThat(one.apiUrl().toString()).startsWith("http://127.0.0.1:").endsWith("/api/v10/");
            assertThat(one.gatewayUrl().getScheme()).isEqualTo("ws");
        }
    }
}
