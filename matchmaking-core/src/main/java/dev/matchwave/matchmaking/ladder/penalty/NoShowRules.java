package dev.matchwave.matchmaking.ladder.penalty;

import dev.matchwave.matchmaking.PlayerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When not confirming matches bars a player from the queue, and for how long. Immutable and
 * validated when built; thread-safe.
 *
 * <p>The rule, applied at each timeout: the timeouts of the player within the last
 * {@code window} (this one included) that came after the start of his latest bar are counted;
 * when there are {@code count} of them, a bar starts now. Its length is
 * {@code cooldown * growth^repeat}, at most {@code maxCooldown}, where {@code repeat} is how many
 * of his bars started within the last {@code memory} (a lifted bar counts: lifting forgives the
 * rest of the wait, not the no-shows). The timeouts that caused a bar do not count towards the
 * next one.
 *
 * @param count       timeouts within the window that bar the player; from 1 to {@value #MAX_COUNT}
 * @param window      how far back timeouts are counted; positive
 * @param cooldown    the first bar's length; positive
 * @param growth      each repeat multiplies the length by this; at least 1
 * @param maxCooldown the longest bar; at least {@code cooldown}
 * @param memory      how far back earlier bars count as repeats; at least {@code window}
 */
public record NoShowRules(int count, Duration window, Duration cooldown, double growth, Duration maxCooldown,
                          Duration memory) {

    public static final int MAX_COUNT = 100;

    /** Three timeouts in 24 hours: 30 minutes, doubling with each repeat in 30 days, at most 7 days. */
    public static final NoShowRules REFERENCE = new NoShowRules(3, Duration.ofHours(24), Duration.ofMinutes(30), 2.0,
            Duration.ofDays(7), Duration.ofDays(30));

    public NoShowRules {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(maxCooldown, "maxCooldown");
        Objects.requireNonNull(memory, "memory");
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be from 1 to " + MAX_COUNT + ", got " + count);
        }
        requirePositive("window", window);
        requirePositive("cooldown", cooldown);
        if (!(growth >= 1.0) || Double.isInfinite(growth)) {
            throw new IllegalArgumentException("growth must be a finite number of at least 1, got " + growth);
        }
        if (maxCooldown.compareTo(cooldown) < 0) {
            throw new IllegalArgumentException("maxCooldown (" + maxCooldown + ") must not be shorter than cooldown ("
                    + cooldown + ")");
        }
        if (memory.compareTo(window) < 0) {
            throw new IllegalArgumentException("memory (" + memory + ") must not be shorter than window (" + window
                    + ")");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** The length of a bar after {@code repeat} earlier ones: {@code cooldown * growth^repeat}, capped, to the millisecond. */
    public Duration cooldown(int repeat) {
        if (repeat < 0) {
            throw new IllegalArgumentException("repeat must not be negative, got " + repeat);
        }
        double millis = cooldown.toMillis() * Math.pow(growth, repeat);
        if (!(millis < maxCooldown.toMillis())) {
            return maxCooldown;
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /**
     * The bar that a timeout at {@code at} starts, if any.
     *
     * @param timeouts    the player's timeouts, {@code at} among them (any order; at least those
     *                    within the window before {@code at})
     * @param earlierBars the player's bars before {@code at} (any order; at least those that
     *                    started within {@code memory} before {@code at})
     */
    public Optional<QueueBar> barAfter(PlayerId player, Instant at, List<Instant> timeouts, List<QueueBar> earlierBars) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(at, "at");
        Instant countFrom = at.minus(window);
        Optional<Instant> latestBar = earlierBars.stream().map(QueueBar::from).filter(from -> !from.isAfter(at))
                .max(Instant::compareTo);
        if (latestBar.isPresent() && latestBar.get().isAfter(countFrom)) {
            countFrom = latestBar.get();
        }
        Instant after = countFrom;
        int counted = (int) timeouts.stream().filter(t -> t.isAfter(after) && !t.isAfter(at)).count();
        if (counted < count) {
            return Optional.empty();
        }
        Instant memoryFrom = at.minus(memory);
        int repeat = (int) earlierBars.stream().map(QueueBar::from)
                .filter(from -> from.isAfter(memoryFrom) && !from.isAfter(at)).count();
        return Optional.of(new QueueBar(player, at, at.plus(cooldown(repeat)), counted, repeat, Optional.empty()));
    }

    private static final Pattern SPEC = Pattern.compile(
            "\\s*(\\d+)\\s*/\\s*(\\w+)\\s*/\\s*(\\w+)\\s*/\\s*x?(\\d+(?:\\.\\d+)?)\\s*/\\s*(\\w+)\\s*/\\s*(\\w+)\\s*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd])");

    /**
     * Reads {@code COUNT/WINDOW/COOLDOWN/GROWTH/MAX/MEMORY}, e.g. {@code 3/24h/30m/x2/7d/30d} (the
     * reference), durations in whole s, m, h or d.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static NoShowRules parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = SPEC.matcher(text);
        if (!m.matches()) {
            // The text is not echoed: it may hold anything (a caller shows it, escaped, if it wants).
            throw new IllegalArgumentException("not of the form COUNT/WINDOW/COOLDOWN/GROWTH/MAX/MEMORY");
        }
        int count;
        try {
            count = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("count '" + m.group(1) + "' is not a number from 1 to " + MAX_COUNT);
        }
        return new NoShowRules(count, duration("window", m.group(2)), duration("cooldown", m.group(3)),
                Double.parseDouble(m.group(4)), duration("max", m.group(5)), duration("memory", m.group(6)));
    }

    private static Duration duration(String part, String text) {
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(part + " '" + text + "' is not a whole number of s, m, h or d (e.g. 30m)");
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(part + " '" + text + "' is too long");
        }
    }

    /** The form {@link #parse} reads, e.g. {@code 3/24h/30m/x2/7d/30d}. */
    public String spec() {
        String g = growth == Math.rint(growth) ? Long.toString((long) growth) : Double.toString(growth);
        return count + "/" + text(window) + "/" + text(cooldown) + "/x" + g + "/" + text(maxCooldown) + "/"
                + text(memory);
    }

    /** A duration as the spec writes it: 30m, 24h, 7d (whole days from two days on). */
    static String text(Duration d) {
        long s = d.toSeconds();
        if (d.toNanosPart() == 0 && s % 86_400 == 0 && s >= 2 * 86_400) {
            return s / 86_400 + "d";
        }
        if (d.toNanosPart() == 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (d.toNanosPart() == 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    /** The rule in words, e.g. "3 unconfirmed matches within 24h". */
    public String describe() {
        return count + (count == 1 ? " unconfirmed match" : " unconfirmed matches") + " within " + text(window);
    }
}
