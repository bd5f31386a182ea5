package dev.matchwave.discord.delivery;

import dev.matchwave.notification.dispatch.SendResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;

/**
 * Discord's refusals as {@link SendResult}s: a 429 is {@code rateLimited} with its retry-after;
 * a 5xx, a network failure or a timeout is worth another try; any other 4xx is not (the player
 * blocks DMs, the message or token is gone). Stateless.
 */
final class DeliveryFailures {

    private DeliveryFailures() {
    }

    /**
     * The pure rule.
     *
     * @param httpStatus  the HTTP status, or a negative number when no answer came (network)
     * @param discordCode Discord's JSON error code, 0 when none
     * @param meaning     what went wrong, for the reason
     * @param retryAfter  a retry-after the answer carried, if any
     */
    public static SendResult classify(int httpStatus, int discordCode, String meaning, Optional<Duration> retryAfter) {
        String reason = (httpStatus < 0 ? "no answer" : "HTTP " + httpStatus)
                + (discordCode > 0 ? " (" + discordCode + " " + meaning + ")" : meaning.isEmpty() ? "" : " (" + meaning + ")");
        if (httpStatus == 429) {
            return SendResult.rateLimited(retryAfter.orElse(Duration.ofSeconds(1)), false);
        }
        if (httpStatus < 0 || httpStatus >= 500 || httpStatus == 408) {
            return SendResult.retryableFailure(reason, retryAfter);
        }
        if (httpStatus >= 400) {
            return SendResult.permanentFailure(reason);
        }
        // A failure JDA raised on a 2xx/3xx answer (a body it could not read): another try may do.
        return SendResult.retryableFailure(reason, retryAfter);
    }

    /** What JDA's failure callback got, classified. */
    public static SendResult of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RateLimitedException limited) {
            return SendResult.rateLimited(Duration.ofMillis(Math.max(0, limited.getRetryAfter())), false);
        }
        if (cause instanceof ErrorResponseException error) {
            var response = error.getResponse();
            Optional<Duration> retryAfter = response.retryAfter > 0
                    ? Optional.of(Duration.ofMillis(response.retryAfter)) : Optional.empty();
            return classify(response.code, Math.max(0, error.getErrorCode()), error.getMeaning(), retryAfter);
        }
        return SendResult.retryableFailure(cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), Optional.empty());
    }
}
