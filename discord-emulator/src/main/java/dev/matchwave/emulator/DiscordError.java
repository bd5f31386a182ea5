package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * An error answer in Discord's shape: {@code {"message", "code"}} and, for a bad form body,
 * {@code "errors"}. Thrown by a route handler; the server turns it into the response.
 */
final class DiscordError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int code;
    private final transient @Nullable ObjectNode errors;

    public DiscordError(int status, int code, String message) {
        this(status, code, message, null);
    }

    public DiscordError(int status, int code, String message, @Nullable ObjectNode errors) {
        super(message);
        this.status = status;
        this.code = code;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    public ObjectNode body() {
        ObjectNode body = Json.object().put("message", getMessage()).put("code", code);
        if (errors != null) {
            body.set("errors", errors);
        }
        return body;
    }

    public static DiscordError notFound() {
        return new DiscordError(404, 0, "404: Not Found");
    }

    public static DiscordError unknownChannel() {
        return new DiscordError(404, 10003, "Unknown Channel");
    }

    public static DiscordError unknownMessage() {
        return new DiscordError(404, 10008, "Unknown Message");
    }

    public static DiscordError unknownUser() {
        return new DiscordError(404, 10013, "Unknown User");
    }

    public static DiscordError unknownWebhook() {
        return new DiscordError(404, 10015, "Unknown Webhook");
    }

    public static DiscordError unknownInteraction() {
        return new DiscordError(404, 10062, "Unknown interaction");
    }

    public static DiscordError unauthorized() {
        return new DiscordError(401, 0, "401: Unauthorized");
    }

    /** A form-body error naming the field, as Discord's 50035 does. */
    public static DiscordError invalidField(String field, String errorCode, String message) {
        ObjectNode errors = Json.object();
        ObjectNode at = errors;
        String[] path = field.split("\\.");
        for (String part : path) {
            at = at.putObject(part);
        }
        at.putArray("_errors").addObject().put("code", errorCode).put("message", message);
        return new DiscordError(400, 50035, "Invalid Form Body (" + field + ": " + message + ")", errors);
    }
}
