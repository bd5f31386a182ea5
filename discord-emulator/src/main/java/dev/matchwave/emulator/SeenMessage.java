package dev.matchwave.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A message as a user sees it at one moment: a snapshot; read it again for later edits.
 *
 * @param id            the message id
 * @param channelId     its channel (the user's DM with the bot, or a guild channel)
 * @param authorId      the author (the bot)
 * @param content       the text content, empty for none
 * @param embeds        the embeds
 * @param components    the components, flattened in document order
 * @param ephemeral     seen only by the user of the interaction it answers
 * @param loading       a deferred reply still "thinking"
 * @param interactionId the interaction it answers (original response or followup), if any
 * @param revision      0 as sent, plus one per edit
 * @param deleted       deleted since
 * @param createdAt     when sent, on the emulator's clock
 * @param editedAt      when last edited
 * @param attachments   the names of attached files
 * @param json          the message as Discord's JSON, for what the fields above leave out
 */
public record SeenMessage(long id, long channelId, long authorId, String content, List<SeenEmbed> embeds,
                          List<SeenComponent> components, boolean ephemeral, boolean loading,
                          OptionalLong interactionId, int revision, boolean deleted, Instant createdAt,
                          Optional<Instant> editedAt, List<String> attachments, String json) {

    public SeenMessage {
        Objects.requireNonNull(content, "content");
        embeds = List.copyOf(embeds);
        components = List.copyOf(components);
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(editedAt, "editedAt");
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(json, "json");
    }

    /**
     * Everything a user reads, one part a line: the content, each embed's text, the text
     * displays, then the labels of buttons and the placeholders and options of selects. For
     * assertions such as {@code text().contains("Match found")}.
     */
    public String text() {
        List<String> parts = new ArrayList<>();
        if (!content.isEmpty()) {
            parts.add(content);
        }
        embeds.forEach(e -> parts.add(e.text()));
        for (SeenComponent component : components) {
            switch (component) {
                case SeenComponent.Text t -> parts.add(t.content());
                case SeenComponent.Button b -> parts.add(b.label());
                case SeenComponent.Select s -> {
                    parts.add(s.placeholder());
                    s.options().forEach(o -> parts.add(o.label()));
                }
                case SeenComponent.TextInput i -> parts.add(i.label());
            }
        }
        return String.join("\n", parts);
    }

    /** The buttons, in order. */
    public List<SeenComponent.Button> buttons() {
        return components.stream().filter(SeenComponent.Button.class::isInstance).map(SeenComponent.Button.class::cast)
                .toList();
    }

    /** The select menus, in order. */
    public List<SeenComponent.Select> selects() {
        return components.stream().filter(SeenComponent.Select.class::isInstance).map(SeenComponent.Select.class::cast)
                .toList();
    }

    /** The button with this exact label or custom id. */
    public Optional<SeenComponent.Button> button(String labelOrCustomId) {
        return buttons().stream()
                .filter(b -> b.label().equals(labelOrCustomId) || b.customId().filter(labelOrCustomId::equals).isPresent())
                .findFirst();
    }

    /** The select with this custom id or placeholder. */
    public Optional<SeenComponent.Select> select(String customIdOrPlaceholder) {
        return selects().stream()
                .filter(s -> s.customId().equals(customIdOrPlaceholder) || s.placeholder().equals(customIdOrPlaceholder))
                .findFirst();
    }

    /** Whether any part of {@link #text()} contains {@code fragment}. */
    public boolean shows(String fragment) {
        return text().contains(fragment);
    }

    @Override
    public String toString() {
        return "SeenMessage[" + id + (ephemeral ? ", ephemeral" : "") + (loading ? ", loading" : "")
                + (deleted ? ", deleted" : "") + ", rev " + revision + ": " + text().replace("\n", " | ") + "]";
    }
}
