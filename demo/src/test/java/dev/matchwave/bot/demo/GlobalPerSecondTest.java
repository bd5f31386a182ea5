package dev.matchwave.bot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.emulator.recording.Recording;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GlobalPerSecondTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void countsOnlyTheGlobalBudgetSecondBySecond() {
        Recording recording = new Recording();
        for (int i = 0; i < 45; i++) {
            recording.add(T0.plusMillis(i * 20L), "POST", "POST /channels/{channel_id}/messages", "/channels/1/messages",
                    Optional.empty(), 200, false, true, Map.of());
        }
        for (int i = 0; i < 300; i++) { // interaction routes: exempt
            recording.add(T0.plusMillis(i), "POST", "POST /interactions/{interaction_id}/{interaction_token}/callback",
                    "/interactions/1/t/callback", Optional.empty(), 204, true, true, Map.of());
        }
        recording.add(T0.plusSeconds(1), "POST", "POST /users/@me/channels", "/users/@me/channels", Optional.empty(),
                200, false, true, Map.of());
        recording.add(T0.plusSeconds(3), "POST", "POST /users/@me/channels", "/users/@me/channels", Optional.empty(),
                200, false, true, Map.of());

        assertThat(OfflineDemo.globalPerSecond(recording.requests()))
                .isEqualTo("global budget (50 a second): 3 seconds with requests, p50 1, max 45 a second");
    }

    @Test
    void saysSoWhenNothingWentOnTheGlobalBudget() {
        assertThat(OfflineDemo.globalPerSecond(new Recording().requests())).isEqualTo("no requests on the global budget");
    }
}
