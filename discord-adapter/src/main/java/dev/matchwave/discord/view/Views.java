package dev.matchwave.discord.view;

import java.util.Objects;
import java.util.Optional;

/** Checks shared by the view records. */
final class Views {

    private Views() {
    }

    static void requireDiscordId(String field, long id) {
        if (id <= 0) {
            throw new IllegalArgumentException(field + " must be a positive Discord id, got " + id);
        }
    }

    static void requireNotNegative(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, got " + value);
        }
    }

    static String requireText(String field, String text, int maxLength) {
        Objects.requireNonNull(text, field);
        if (text.isBlank() || text.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be 1 to " + maxLength + " characters, got '" + text + "'");
        }
        return text;
    }

    /** An optional ISO 3166 alpha-2 code (or ZZ): two capital letters when present. */
    static void requireCountryCode(String field, Optional<String> code) {
        Objects.requireNonNull(code, field);
        code.ifPresent(value -> {
            if (!value.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException(field + " must be two capital letters, got '" + value + "'");
            }
        });
    }
}
