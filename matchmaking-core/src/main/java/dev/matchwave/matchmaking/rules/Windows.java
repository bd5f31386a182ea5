package dev.matchwave.matchmaking.rules;

/** The growing rating window shared by the rating-based rule sets. */
final class Windows {

    private Windows() {
    }

    /** {@code base + step * waitCycles}, saturating at {@link Integer#MAX_VALUE}. */
    static int linear(int base, int step, int waitCycles) {
        long window = base + (long) step * Math.max(0, waitCycles);
        return (int) Math.min(Integer.MAX_VALUE, window);
    }

    static int requireNonNegative(String option, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(option + " must not be negative, got " + value);
        }
        return value;
    }
}
