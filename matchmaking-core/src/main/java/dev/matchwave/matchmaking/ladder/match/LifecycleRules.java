package dev.matchwave.matchmaking.ladder.match;

import java.time.Duration;
import java.util.Objects;

/**
 * The timing and abort rules of the match lifecycle. Immutable; validated when built.
 *
 * @param confirmWindow how long both players have to confirm (reference: 60 s), positive
 * @param reminderDelay when the players who have not confirmed are reminded, after the match was
 *                      found (reference: 20 s, a third of the window); shorter than the window
 * @param abortBudget   how many aborts a new player has (reference: 3); only an admin restores them
 */
public record LifecycleRules(Duration confirmWindow, Duration reminderDelay, int abortBudget) {

    /** The reference ladder: 60 s to confirm, a reminder at 20 s, 3 aborts. */
    public static final LifecycleRules REFERENCE = of(Duration.ofSeconds(60), 3);

    public LifecycleRules {
        Objects.requireNonNull(confirmWindow, "confirmWindow");
        Objects.requireNonNull(reminderDelay, "reminderDelay");
        if (confirmWindow.isNegative() || confirmWindow.isZero()) {
            throw new IllegalArgumentException("confirmWindow must be positive, got " + confirmWindow);
        }
        if (reminderDelay.isNegative() || reminderDelay.isZero() || reminderDelay.compareTo(confirmWindow) >= 0) {
            throw new IllegalArgumentException("reminderDelay must be positive and shorter than confirmWindow "
                    + confirmWindow + ", got " + reminderDelay);
        }
        if (abortBudget < 0) {
            throw new IllegalArgumentException("abortBudget must not be negative, got " + abortBudget);
        }
    }

    /** A window with the reminder at a third of it, as the reference ladder does. */
    public static LifecycleRules of(Duration confirmWindow, int abortBudget) {
        Objects.requireNonNull(confirmWindow, "confirmWindow");
        return new LifecycleRules(confirmWindow, confirmWindow.dividedBy(3), abortBudget);
    }

    public LifecycleRules withConfirmWindow(Duration window) {
        return new LifecycleRules(window, reminderDelay, abortBudget);
    }

    public LifecycleRules withReminderDelay(Duration delay) {
        return new LifecycleRules(confirmWindow, delay, abortBudget);
    }

    public LifecycleRules withAbortBudget(int budget) {
        return new LifecycleRules(confirmWindow, reminderDelay, budget);
    }
}
