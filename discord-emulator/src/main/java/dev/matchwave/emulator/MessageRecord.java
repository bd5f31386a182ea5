package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A message, in a channel's history or only in an interaction (ephemeral). Guarded by the {@link DiscordState} lock. */
final class MessageRecord {
    static final int EPHEMERAL = 1 << 6;
    static final int LOADING = 1 << 7;
    static final int TYPE_DEFAULT = 0;
    static final int TYPE_CHAT_INPUT_COMMAND = 20;

    final long id;
    final long channelId;
    final long authorId;
    final Instant createdAt;
    final int type;
    /** The interaction this answers; 0 for a plain channel message. */
    final long interactionId;
    /** The only user who sees it (ephemeral); 0: everyone who sees the channel. */
    final long visibleTo;
    String content = "";
    ArrayNode embeds = Json.array();
    ArrayNode components = Json.array();
    List<String> attachments = List.of();
    int flags;
    @Nullable Instant editedAt;
    int revision;
    boolean deleted;

    MessageRecord(long id, long channelId, long authorId, Instant createdAt, int type, long interactionId,
                  long visibleTo) {
        this.id = id;
        this.channelId = channelId;
        this.authorId = authorId;
        this.createdAt = createdAt;
        this.type = type;
        this.interactionId = interactionId;
        this.visibleTo = visibleTo;
    }

    boolean ephemeral() {
        return (flags & EPHEMERAL) != 0;
    }

    boolean loading() {
        return (flags & LOADING) != 0;
    }
}
