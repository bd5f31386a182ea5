package dev.matchwave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.emulator.recording.RunFigures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 200 users at once, each on his own thread, each waiting for his answers as an end-to-end
 * test of a wave will: a command, a click, an edit. The waits share one lock and wake on every
 * change, so this is where a slow wait would show.
 */
@Tag("stress")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CrowdStressTest {

    @Test
    void twoHundredUsersCommandAndClickAtOnce() throws Exception {
        try (DiscordEmulator discord = DiscordEmulator.start();
             EmulatedBot bot = EmulatedBot.connect(discord, new TestBot())) {
            bot.jda().updateCommands().addCommands(TestBot.globalCommands()).complete();
            List<EmulatedUser> crowd = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                crowd.add(discord.addUser("crowd" + i));
            }
            long mark = discord.recording().mark();
            long start = System.nanoTime();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<String>> results = new ArrayList<>();
                for (EmulatedUser user : crowd) {
                    results.add(threads.submit(() -> {
                        SeenMessage hello = user.runCommand("hello").awaitResponse(Duration.ofSeconds(30));
                        return user.press(hello, "Wave").awaitResponse(m -> m.revision() == 1, Duration.ofSeconds(30))
                                .content();
                    }));
                }
                for (int i = 0; i < crowd.size(); i++) {
                    assertThat(results.get(i).get()).isEqualTo("waved by crowd" + i);
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Poll.until("400 requests recorded", () -> discord.recording().since(mark).size() == 400, Duration.ofSeconds(5));
            RunFigures figures = discord.recording().figuresSince(mark);
            System.out.println("200 users, 400 interactions in " + took.toMillis() + " ms; " + figures.summary());
            assertThat(figures.rateLimited()).isZero();
            assertThat(figures.interactionRequests()).isEqualTo(400);
        }
    }
}
