package dev.matchwave.emulator.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecordingTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    private static RequestRecord add(Recording recording, String path) {
        return recording.add(AT, "PATCH", "PATCH /webhooks/{application_id}/{interaction_token}/messages/{message_id}",
                path, Optional.empty(), 200, true, true, Map.of());
    }

    @Test
    void aRunHoldsTheRequestsFromItsMarkOn() {
        Recording recording = new Recording();
        add(recording, "/a");
        long mark = recording.mark();
        add(recording, "/b");
        add(recording, "/c");

        assertThat(recording.since(mark)).extracting(RequestRecord::path).containsExactly("/b", "/c");
        assertThat(recording.requests()).extracting(RequestRecord::position).containsExactly(0L, 1L, 2L);
        assertThat(recording.figuresSince(mark).requests()).isEqualTo(2);
        assertThatThrownBy(() -> recording.since(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mark must be between 0 and 3, got 4");
    }

    /**
     * The race a 2-core CI machine found: a user saw a request's effect, the test took a mark, and
     * the request was recorded after the mark. A mark taken while a request is being handled
     * waits for its record.
     */
    @Test
    void aMarkTakenAfterAUserSawARequestsEffectComesAfterItsRecord() throws Exception {
        Recording recording = new Recording();
        CountDownLatch seen = new CountDownLatch(1);
        CountDownLatch recordNow = new CountDownLatch(1);
        AtomicReference<Thread> markingThread = new AtomicReference<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<RequestRecord> request = CompletableFuture.supplyAsync(() -> recording.handled(() -> {
                seen.countDown(); // the user sees the edit here...
                await(recordNow);
                return add(recording, "/edit"); // ...and the request is recorded here
            }), threads);
            seen.await(10, TimeUnit.SECONDS);
            CompletableFuture<Long> mark = CompletableFuture.supplyAsync(() -> {
                markingThread.set(Thread.currentThread());
                return recording.mark();
            }, threads);
            // Until the mark is either taken or waiting for the request in flight.
            while (!mark.isDone() && !waiting(markingThread.get())) {
                Thread.onSpinWait();
            }
            recordNow.countDown();

            assertThat(request.get(10, TimeUnit.SECONDS).position()).isZero();
            assertThat(mark.get(10, TimeUnit.SECONDS)).as("the mark comes after the request it saw").isEqualTo(1);
        } finally {
            recordNow.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void requestsAreHandledSideBySide() throws Exception {
        Recording recording = new Recording();
        CountDownLatch bothInside = new CountDownLatch(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            var first = CompletableFuture.supplyAsync(() -> recording.handled(() -> {
                bothInside.countDown();
                await(bothInside);
                return add(recording, "/1");
            }), threads);
            var second = CompletableFuture.supplyAsync(() -> recording.handled(() -> {
                bothInside.countDown();
                await(bothInside);
                return add(recording, "/2");
            }), threads);
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            assertThat(recording.mark()).isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    private static boolean waiting(Thread thread) {
        return thread != null && (thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
