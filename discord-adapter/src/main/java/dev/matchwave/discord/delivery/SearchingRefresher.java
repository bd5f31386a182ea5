package dev.matchwave.discord.delivery;

import dev.matchwave.discord.view.LadderMessages;
import dev.matchwave.discord.view.SearchingView;
import dev.matchwave.matchmaking.PlayerId;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Keeps the "Searching..." messages fresh (next wave, population, counts) while their tokens
 * live: {@link #refresh} edits each one whose player is still queued. A player no longer queued
 * is left alone, and a refresh decided before a wave is dropped if "match found" went into the
 * message meanwhile ({@link PlayerContacts#refreshSearching}), so a refresh never overwrites
 * "match found". The bot runs it half a wave interval after each wave. The edits are interaction routes: exempt from the global limit.
 *
 * <p>Thread-safe; {@link #refresh} may block in {@code views} (the queue status) but not on Discord.
 */
public final class SearchingRefresher {

    private final JDA jda;
    private final PlayerContacts contacts;
    private final Function<PlayerId, Optional<SearchingView>> views;
    private final InstantSource clock;
    private final ClickAnswers replies;

    /**
     * @param views the player's searching view while he is queued; empty otherwise
     */
    public SearchingRefresher(JDA jda, PlayerContacts contacts, Function<PlayerId, Optional<SearchingView>> views,
                              InstantSource clock) {
        this(jda, contacts, views, clock, new ClickAnswers());
    }

    /**
     * @param replies the joins whose reply (the searching message) Discord has not taken yet, as
     *                the interaction router registers them: such a message is not refreshed this
     *                time (it has no {@code @original} yet; the edit would fail and cost the token)
     */
    public SearchingRefresher(JDA jda, PlayerContacts contacts, Function<PlayerId, Optional<SearchingView>> views,
                              InstantSource clock, ClickAnswers replies) {
        this.jda = Objects.requireNonNull(jda, "jda");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.views = Objects.requireNonNull(views, "views");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    /** Edits every live searching message of a queued player; returns how many edits were queued. */
    public int refresh() {
        int edits = 0;
        for (Map.Entry<PlayerId, String> search : contacts.liveSearches(clock.instant()).entrySet()) {
            Optional<SearchingView> view = views.apply(search.getKey());
            if (view.isEmpty()) {
                continue;
            }
            String token = search.getValue();
            if (replies.find(token).isPresent()) {
                continue; // the reply is on its way and shows the current figures already
            }
            PlayerId player = search.getKey();
            MessageEditData edit = MessageEditData.fromCreateData(LadderMessages.searching(view.get()));
            boolean queued = contacts.refreshSearching(player, token, () -> InteractionHook.from(jda, token)
                    .editOriginal(edit)
                    // A dismissed message or a dead token: stop refreshing it.
                    .queue(ok -> { }, failure -> contacts.forgetToken(player, token)));
            if (queued) {
                edits++;
            }
        }
        return edits;
    }
}
