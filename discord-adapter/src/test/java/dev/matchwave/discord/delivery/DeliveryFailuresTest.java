package dev.matchwave.discord.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.notification.dispatch.SendResult;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import org.junit.jupiter.api.Test;

class DeliveryFailuresTest {

    @Test
    void aTooManyRequestsIsRateLimitedWithItsRetryAfter() {
        assertThat(DeliveryFailures.classify(429, 0, "", Optional.of(Duration.ofMillis(1_500))))
                .isEqualTo(SendResult.rateLimited(Duration.ofMillis(1_500), false));
        assertThat(DeliveryFailures.of(new RateLimitedException("POST/channels", 2_000)))
                .isEqualTo(SendResult.rateLimited(Duration.ofSeconds(2), false));
    }

    @Test
    void serverErrorsAndMissingAnswersAreRetryable() {
        assertThat(DeliveryFailures.classify(502, 0, "Bad Gateway", Optional.empty()))
                .isEqualTo(SendResult.retryableFailure("HTTP 502 (Bad Gateway)", Optional.empty()));
        assertThat(DeliveryFailures.of(new CompletionException(new IOException("reset"))))
                .isEqualTo(SendResult.retryableFailure("IOException: reset", Optional.empty()));
    }

    @Test
    void clientErrorsAreForGood() {
        assertThat(DeliveryFailures.classify(403, 50_007, "Cannot send messages to this user", Optional.empty()))
                .isEqualTo(SendResult.permanentFailure("HTTP 403 (50007 Cannot send messages to this user)"));
        assertThat(DeliveryFailures.classify(404, 10_015, "Unknown Webhook", Optional.empty()))
                .isInstanceOfSatisfying(SendResult.Failed.class, failed -> assertThat(failed.retryable()).isFalse());
    }
}
