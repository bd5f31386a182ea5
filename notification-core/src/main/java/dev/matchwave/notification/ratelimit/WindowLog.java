package dev.matchwave.notification.ratelimit;

import java.util.Arrays;

/**
 * The admissions booked on one sliding window: sorted times (nanoseconds) that keep the rule
 * "at most {@code limit} in any half-open interval of length {@code window}". Times may lie in
 * the future, and a new one may land between booked ones, so that a request held back by some
 * other bucket does not hold back everything booked after it.
 *
 * <p>With times sorted as a[0..m), the rule is: every run of limit + 1 consecutive times spans
 * at least {@code window} (a[j + limit] - a[j] >= window). Inserting t between a[i-1] and a[i]
 * creates exactly the runs that contain t, which gives the three conditions in
 * {@link #earliestByScan}.
 *
 * <p>Not thread-safe: its owner locks.
 */
final class WindowLog {

    private final int limit;
    private final long window;
    private long[] times = new long[16];
    private int head;
    private int size;
    /** Largest "not before" ever passed to {@link #book}; see {@link #earliest}. */
    private long largestProbe = Long.MIN_VALUE;

    WindowLog(int limit, long window) {
        this.limit = limit;
        this.window = window;
    }

    int limit() {
        return limit;
    }

    long window() {
        return window;
    }

    /**
     * The same bookings under another rule (a route whose headers reported new limits). The
     * old bookings may break the new rule; new admissions are still placed so that every
     * window they fall in keeps it, and the fast path stays off because its premise no longer holds.
     */
    WindowLog withRule(int newLimit, long newWindow) {
        WindowLog copy = new WindowLog(newLimit, newWindow);
        copy.times = Arrays.copyOfRange(times, head, head + Math.max(size, 16));
        copy.size = size;
        copy.largestProbe = Long.MAX_VALUE;
        return copy;
    }

    /** This log's rule over the bookings of both (two routes found to share one bucket). */
    WindowLog union(WindowLog other) {
        WindowLog both = withRule(limit, window);
        for (int i = 0; i < other.size; i++) {
            both.book(other.at(i), Long.MAX_VALUE);
        }
        return both;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Drops the times that can no longer share a window with any time at or after {@code now}. */
    void forgetBefore(long now) {
        long horizon = now - window;
        while (size > 0 && times[head] <= horizon) {
            head++;
            size--;
        }
        if (size == 0) {
            head = 0;
        }
    }

    /** The earliest time at or after {@code notBefore} at which one more admission keeps the rule. */
    long earliest(long notBefore) {
        if (notBefore >= largestProbe) {
            // Every booked time was the earliest possible one for a probe <= notBefore when it
            // was booked, and booking more only removes room: nothing before the last booked time
            // can fit (times forgotten since then lie a window before notBefore and do not count).
            return append(notBefore);
        }
        return earliestByScan(notBefore);
    }

    private long append(long notBefore) {
        long t = notBefore;
        if (size > 0) {
            t = Math.max(t, at(size - 1));
        }
        if (size >= limit) {
            t = Math.max(t, at(size - limit) + window);
        }
        return t;
    }

    /**
     * Tries every gap from the one holding {@code notBefore} on. Putting t into gap i (between
     * a[i-1] and a[i]) is allowed when
     * <ol>
     * <li>t - a[i-limit] >= window (the run that ends at t),</li>
     * <li>a[i+limit-1] - t >= window (the run that starts at t),</li>
     * <li>every run of {@code limit} old times that straddles the gap spans at least a window.</li>
     * </ol>
     * Conditions 1 and 2 bound t from below and above; 3 does not depend on t. The last gap
     * always works.
     */
    private long earliestByScan(long notBefore) {
        int m = size;
        int i = firstIndexAtOrAfter(notBefore);
        // Runs k (a[k..k+limit-1]) straddling gap i: max(0, i-limit+1) <= k <= min(i-1, m-limit).
        int bad = 0;
        int lo = Math.max(0, i - limit + 1);
        int hi = Math.min(i - 1, m - limit);
        for (int k = lo; k <= hi; k++) {
            if (tooDense(k)) {
                bad++;
            }
        }
        for (; ; i++) {
            long lower = notBefore;
            if (i > 0) {
                lower = Math.max(lower, at(i - 1));
            }
            if (i >= limit) {
                lower = Math.max(lower, at(i - limit) + window);
            }
            long upper = i < m ? at(i) : Long.MAX_VALUE;
            if ((long) i + limit - 1 < m) {
                upper = Math.min(upper, at(i + limit - 1) - window);
            }
            if (bad == 0 && lower <= upper) {
                return lower;
            }
            if (i == m) {
                // Unreachable while the log keeps the rule; appending is always allowed.
                return append(notBefore);
            }
            // Slide the straddling runs to gap i + 1.
            int nextLo = Math.max(0, i + 1 - limit + 1);
            int nextHi = Math.min(i, m - limit);
            for (int k = lo; k < nextLo && k <= hi; k++) {
                if (tooDense(k)) {
                    bad--;
                }
            }
            for (int k = Math.max(hi + 1, nextLo); k <= nextHi; k++) {
                if (tooDense(k)) {
                    bad++;
                }
            }
            lo = nextLo;
            hi = nextHi;
        }
    }

    private boolean tooDense(int k) {
        return at(k + limit - 1) - at(k) < window;
    }

    /** Books an admission at {@code t}, a value {@link #earliest} returned for {@code notBefore}. */
    void book(long t, long notBefore) {
        largestProbe = Math.max(largestProbe, notBefore);
        if (head + size == times.length) {
            if (head > times.length / 2) {
                System.arraycopy(times, head, times, 0, size);
            } else {
                times = Arrays.copyOf(times, times.length * 2);
                System.arraycopy(times, head, times, 0, size);
            }
            head = 0;
        }
        int i = firstIndexAfter(t);
        int at = head + i;
        System.arraycopy(times, at, times, at + 1, size - i);
        times[at] = t;
        size++;
    }

    private long at(int index) {
        return times[head + index];
    }

    private int firstIndexAtOrAfter(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int firstIndexAfter(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at(mid) <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
