package dev.matchwave.discord.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.discord.timing.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The send window: never more than its permits in any window, spaced when asked, and no wait when there is room. */
class SendWindowProperties {

    /** Sends at arbitrary gaps, each waiting as acquire() says: any window holds at most the permits. */
    @Property(tries = 300)
    void noWindowEverHoldsMoreThanThePermits(@ForAll @IntRange(min = 1, max = 10) int permits,
                                             @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 400) Integer> gapsMillis)
            throws InterruptedException {
        AtomicLong now = new AtomicLong();
        Ticker ticker = now::get;
        List<Duration> pauses = new ArrayList<>();
        SendWindow window = new SendWindow(permits, Duration.ofSeconds(1), ticker, pause -> {
            pauses.add(pause);
            now.addAndGet(pause.toNanos());
        });
        List<Long> sentAt = new ArrayList<>();
        for (int gap : gapsMillis) {
            now.addAndGet(Duration.ofMillis(gap).toNanos());
            long asked = now.get();
            window.acquire();
            sentAt.add(now.get());
            // It waited only while the window was full: the send before the permits-th last one
            // is exactly one window older (or it did not wait at all).
            if (now.get() > asked) {
                long anchor = sentAt.get(sentAt.size() - 1 - permits);
                assertThat(now.get() - anchor).isEqualTo(Duration.ofSeconds(1).toNanos());
            }
        }
        for (int i = 0; i + permits < sentAt.size(); i++) {
            assertThat(sentAt.get(i + permits) - sentAt.get(i))
                    .as("send %d and send %d are a full window apart", i, i + permits)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        }
        assertThat(pauses).allSatisfy(pause -> assertThat(pause).isPositive());
    }

    /**
     * With a spacing: no two sends closer than it, no window over the permits, and a send that
     * waited went exactly when the later of the two allowed it.
     */
    @Property(tries = 300)
    void spacedSendsKeepBothTheSpacingAndTheWindow(@ForAll @IntRange(min = 1, max = 10) int permits,
                                                   @ForAll @IntRange(min = 0, max = 300) int spacingMillis,
                                                   @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 400) Integer> gapsMillis)
            throws InterruptedException {
        AtomicLong now = new AtomicLong();
        long spacing = Duration.ofMillis(spacingMillis).toNanos();
        long second = Duration.ofSeconds(1).toNanos();
        SendWindow window = new SendWindow(permits, Duration.ofSeconds(1), Duration.ofNanos(spacing), now::get,
                pause -> now.addAndGet(pause.toNanos()));
        List<Long> sentAt = new ArrayList<>();
        for (int gap : gapsMillis) {
            now.addAndGet(Duration.ofMillis(gap).toNanos());
            long asked = now.get();
            window.acquire();
            long sent = now.get();
            if (sent > asked) {
                long bySpacing = sentAt.isEmpty() ? Long.MIN_VALUE : sentAt.getLast() + spacing;
                long byWindow = sentAt.size() < permits ? Long.MIN_VALUE : sentAt.get(sentAt.size() - permits) + second;
                assertThat(sent).as("a send that waited goes when it may").isEqualTo(Math.max(bySpacing, byWindow));
            }
            sentAt.add(sent);
        }
        for (int i = 0; i + 1 < sentAt.size(); i++) {
            assertThat(sentAt.get(i + 1) - sentAt.get(i)).isGreaterThanOrEqualTo(spacing);
        }
        for (int i = 0; i + permits < sentAt.size(); i++) {
            assertThat(sentAt.get(i + permits) - sentAt.get(i)).isGreaterThanOrEqualTo(second);
        }
    }

    @Example
    void theGlobalLimitsWindowSpacesItsSendsEvenly() {
        AtomicLong now = new AtomicLong();
        SendWindow window = SendWindow.forGlobalLimit(40, now::get);
        assertThat(window.admit()).isZero();
        assertThat(window.admit()).isEqualTo(Duration.ofMillis(25));
        now.addAndGet(Duration.ofMillis(25).toNanos());
        assertThat(window.admit()).isZero();
        assertThat(window.inWindow()).isEqualTo(2);

        SendWindow gates = SendWindow.forGlobalLimit(45, now::get);
        assertThat(gates.admit()).isZero();
        assertThat(gates.admit()).as("at 45 a second, the spacing that absorbs 200 ms of delay")
                .isEqualTo(Duration.ofMillis(24));
    }

    @Example
    void aFullWindowSaysHowLongUntilTheOldestSendLeavesIt() {
        AtomicLong now = new AtomicLong();
        SendWindow window = new SendWindow(2, Duration.ofSeconds(1), now::get, pause -> { });
        assertThat(window.admit()).isZero();
        now.addAndGet(Duration.ofMillis(300).toNanos());
        assertThat(window.admit()).isZero();
        assertThat(window.admit()).isEqualTo(Duration.ofMillis(700));
        assertThat(window.inWindow()).as("a refused send is not counted").isEqualTo(2);
        now.addAndGet(Duration.ofMillis(700).toNanos());
        assertThat(window.admit()).isZero();
        assertThat(window.inWindow()).isEqualTo(2);
    }

    @Example
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new SendWindow(0, Duration.ofSeconds(1), () -> 0, pause -> { }))
                .hasMessageContaining("permits");
        assertThatThrownBy(() -> new SendWindow(1, Duration.ZERO, () -> 0, pause -> { }))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new SendWindow(1, Duration.ofSeconds(1), Duration.ofMillis(-1), () -> 0, pause -> { }))
                .hasMessageContaining("spacing");
    }
}
