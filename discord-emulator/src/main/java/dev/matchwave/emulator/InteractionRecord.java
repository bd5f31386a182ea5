package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An interaction a scripted user sent, and what the bot answered. Guarded by the {@link DiscordState} lock. */
final class InteractionRecord {
    static final int COMMAND = 2;
    static final int COMPONENT = 3;
    static final int AUTOCOMPLETE = 4;
    static final int MODAL_SUBMIT = 5;

    final long id;
    final String token;
    final int type;
    final long userId;
    final long channelId;
    final long guildId;
    final Instant createdAt;
    /** The command path ("admin resolve") or the component's or modal's custom id. */
    final String name;
    /** The message whose component was used (or whose component opened the modal); 0 for none. */
    final long sourceMessageId;
    /** The full JSON sent as INTERACTION_CREATE. */
    final ObjectNode payload;
    int callbackType;
    @Nullable Instant acknowledgedAt;
    long originalMessageId;
    final List<Long> followupIds = new ArrayList<>();
    @Nullable ObjectNode modal;
    @Nullable ArrayNode choices;
    boolean expiredLogged;

    InteractionRecord(long id, String token, int type, long userId, long channelId, long guildId, Instant createdAt,
                      String name, long sourceMessageId, ObjectNode payload) {
        this.id = id;
        this.token = token;
        this.type = type;
        this.userId = userId;
        this.channelId = channelId;
        this.guildId = guildId;
        this.createdAt = createdAt;
        this.name = name;
        this.sourceMessageId = sourceMessageId;
        this.payload = payload;
    }

    boolean acknowledged() {
        return callbackType != 0;
    }
}
