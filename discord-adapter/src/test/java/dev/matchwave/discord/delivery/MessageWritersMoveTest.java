package dev.matchwave.discord.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.dispatch.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * /match moves a player's match message to a new message: from then on every change goes to the
 * new one, and the old one is never written again, not even through a click on it.
 */
class MessageWritersMoveTest {

    private static final PlayerId PLAYER = PlayerId.of(11);
    private static final MessageWriters.Key KEY = new MessageWriters.Key(PLAYER, 7, MessageWriters.Kind.MATCH_MESSAGE);
    private static final MessageWriters.ChannelMessage OLD = new MessageWriters.ChannelMessage(900, 500);
    private static final MessageWriters.ChannelMessage NEW = new MessageWriters.ChannelMessage(900, 600);

    private final ManualClock clock = ManualClock.atEpochSecond(1_800_000_000L);
    /** Each request as "target content"; a create lands as {@link #NEW}. */
    private final List<String> sent = new ArrayList<>();
    private final MessageWriters<String> writers = new MessageWriters<>((key, target, content, leaving) -> {
        leaving.getAsBoolean();
        sent.add(name(target) + " " + content);
        return CompletableFuture.completedFuture(target instanceof MessageWriters.NewMessage
                ? new MessageWriters.Landing.Landed(Optional.of(NEW)) : MessageWriters.Landing.landed());
    }, Runnable::run, clock, Duration.ofMinutes(14));

    private static String name(MessageWriters.Target target) {
        return switch (target) {
            case MessageWriters.Interaction interaction -> "token:" + interaction.token();
            case MessageWriters.ChannelMessage message -> "message:" + message.messageId();
            case MessageWriters.NewMessage created -> "new";
        };
    }

    @Test
    void afterAMoveEveryChangeGoesToTheNewMessageAndTheOldOneIsNeverWrittenAgain() {
        writers.change(KEY, Optional.of(OLD), () -> Optional.of("v1"), false);
        var moved = writers.moveToNewMessage(KEY, () -> Optional.of("v2"));
        assertThat(moved.toCompletableFuture().getNow(null)).isEqualTo(SendResult.sent());
        assertThat(writers.channelMessage(KEY)).contains(NEW);

        writers.change(KEY, Optional.empty(), () -> Optional.of("v3"), false);
        // A click on the old copy: the ladder acts, the new message shows it; the old one stays.
        writers.changeFromClick(KEY, new MessageWriters.Interaction("old-click", clock.instant()), OLD.messageId(),
                () -> Optional.of("v4"));
        // A click on the new message edits it through the click's token (the interaction route).
        writers.changeFromClick(KEY, new MessageWriters.Interaction("new-click", clock.instant()), NEW.messageId(),
                () -> Optional.of("v5"));

        assertThat(sent).containsExactly("message:500 v1", "new v2", "message:600 v3", "message:600 v4",
                "token:new-click v5");
    }

    @Test
    void withoutAMoveAClickBringsItsTokenAsBefore() {
        writers.change(KEY, Optional.of(OLD), () -> Optional.of("v1"), false);
        writers.changeFromClick(KEY, new MessageWriters.Interaction("click", clock.instant()), 12345L,
                () -> Optional.of("v2"));
        assertThat(sent).containsExactly("message:500 v1", "token:click v2");
    }

    @Test
    void aMoveOfAMessageNeverSentCreatesIt() {
        writers.moveToNewMessage(KEY, () -> Optional.of("v1"));
        assertThat(sent).containsExactly("new v1");
        assertThat(writers.channelMessage(KEY)).contains(NEW);
    }
}
