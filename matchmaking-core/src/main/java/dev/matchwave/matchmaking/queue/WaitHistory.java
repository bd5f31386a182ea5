package dev.matchwave.matchmaking.queue;

import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The wait cycles at which players were matched in the last {@code waves} waves, counted by
 * side and rating band, and the estimate drawn from them (docs/queue-and-waves.md, "Estimated
 * wait"). Not thread-safe: owned by the {@link QueueService} lock.
 */
final class WaitHistory {

    /** Fewer recent matches than this say too little; the estimate widens, then gives up. */
    static final int MIN_SAMPLES = 3;

    private final int waves;
    private final int bandWidth;
    private final int maxCycles;
    private final ArrayDeque<List<Sample>> recent = new ArrayDeque<>();
    private final Map<String, Map<Integer, int[]>> bySideAndBand = new HashMap<>();
    private final Map<String, int[]> bySide = new HashMap<>();

    WaitHistory(int waves, int bandWidth, int maxCycles) {
        this.waves = waves;
        this.bandWidth = bandWidth;
        this.maxCycles = maxCycles;
    }

    /** The cycles (wave count, 1 = matched at the first wave) and the estimate's sample size. */
    record Expectation(int matchedAtCycle, int samples) {
    }

    private record Sample(String side, int band, int cycles) {
    }

    /** Adds one wave's created matches; forgets the oldest wave beyond the window. */
    void record(List<Pair> created) {
        List<Sample> samples = new ArrayList<>(created.size() * 2);
        for (Pair pair : created) {
            samples.add(sample(pair.first(), pair.firstSeat()));
            samples.add(sample(pair.second(), pair.secondSeat()));
        }
        for (Sample s : samples) {
            add(s, 1);
        }
        recent.addLast(samples);
        while (recent.size() > waves) {
            for (Sample s : recent.removeFirst()) {
                add(s, -1);
            }
        }
    }

    /**
     * The lower median of the cycles at which similar players were matched, among those matched
     * later than {@code waitedCycles} (he is still here, so the earlier ones say nothing about
     * him). Similar: a seat on the same side with a rating in the same band or one next to it;
     * with fewer than {@link #MIN_SAMPLES} such, anyone matched on the same sides.
     */
    Optional<Expectation> expect(List<Seat> seats, int waitedCycles) {
        int[] near = new int[maxCycles + 1];
        int[] wide = new int[maxCycles + 1];
        for (Seat seat : seats) {
            Map<Integer, int[]> bands = bySideAndBand.get(seat.side());
            if (bands == null) {
                continue;
            }
            int band = band(seat.rating());
            for (int b = band - 1; b <= band + 1; b++) {
                addInto(near, bands.get(b));
            }
            addInto(wide, bySide.get(seat.side()));
        }
        Optional<Expectation> close = median(near, waitedCycles);
        return close.isPresent() ? close : median(wide, waitedCycles);
    }

    private Optional<Expectation> median(int[] counts, int waitedCycles) {
        int n = 0;
        for (int k = waitedCycles + 1; k < counts.length; k++) {
            n += counts[k];
        }
        if (n < MIN_SAMPLES) {
            return Optional.empty();
        }
        int half = (n + 1) / 2;
        int seen = 0;
        for (int k = waitedCycles + 1; k < counts.length; k++) {
            seen += counts[k];
            if (seen >= half) {
                return Optional.of(new Expectation(k, n));
            }
        }
        throw new AssertionError("median beyond the counts");
    }

    private static void addInto(int[] total, int @Nullable [] counts) {
        if (counts != null) {
            for (int k = 0; k < total.length; k++) {
                total[k] += counts[k];
            }
        }
    }

    private Sample sample(QueuedPlayer player, Seat seat) {
        int cycles = Math.max(1, Math.min(maxCycles, player.waitCycles()));
        return new Sample(seat.side(), band(seat.rating()), cycles);
    }

    private int band(int rating) {
        return Math.floorDiv(rating, bandWidth);
    }

    private void add(Sample s, int delta) {
        int[] counts = bySideAndBand.computeIfAbsent(s.side(), side -> new HashMap<>())
                .computeIfAbsent(s.band(), band -> new int[maxCycles + 1]);
        counts[s.cycles()] += delta;
        bySide.computeIfAbsent(s.side(), side -> new int[maxCycles + 1])[s.cycles()] += delta;
    }
}
