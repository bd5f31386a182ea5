package dev.matchwave.bot.demo;

import dev.matchwave.emulator.DiscordEmulator;
import dev.matchwave.emulator.MessageEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the emulator's timeline of message changes on one thread and hands each change to the
 * inbox of the player who sees it (by his DM channel, or by the interaction an ephemeral
 * message answers), and to one observer that sees everything (the demo's latency figures).
 *
 * <p>Thread-safe. {@link #start} starts its thread; {@link #close} stops it.
 */
final class MessageFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MessageFeed.class);
    private static final long POLL_MILLIS = 5;

    private final DiscordEmulator discord;
    private final Consumer<Routed> observer;
    private final Map<Long, Inbox> byChannel = new ConcurrentHashMap<>();
    private final Map<Long, Inbox> byInteraction = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int next;

    /** A change and the inbox it went to, if any. */
    record Routed(MessageEvent event, @Nullable Inbox inbox) {
    }

    MessageFeed(DiscordEmulator discord, Consumer<Routed> observer) {
        this.discord = Objects.requireNonNull(discord, "discord");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.thread = Thread.ofPlatform().name("matchwave-demo-feed").daemon(true).unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    /** Changes in this DM channel go to this inbox. */
    void channel(long channelId, Inbox inbox) {
        byChannel.put(channelId, inbox);
    }

    /** Messages answering this interaction go to this inbox. */
    void interaction(long interactionId, Inbox inbox) {
        byInteraction.put(interactionId, inbox);
    }

    private void loop() {
        while (running) {
            try {
                drain();
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("the demo's message feed failed once: {}", e.toString());
            }
        }
    }

    /** Routes every change not routed yet. */
    synchronized void drain() {
        List<MessageEvent> events = discord.messageEvents();
        for (; next < events.size(); next++) {
            MessageEvent event = events.get(next);
            Inbox inbox = byChannel.get(event.message().channelId());
            if (inbox == null && event.message().interactionId().isPresent()) {
                inbox = byInteraction.get(event.message().interactionId().getAsLong());
            }
            if (inbox != null) {
                inbox.add(event);
            }
            observer.accept(new Routed(event, inbox));
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
