package dev.matchwave.discord.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.dispatch.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * One message, changed in any order by a player's clicks (a token, the interaction lane) and by
 * lifecycle edits (the channel lane), with any delivery delays on either lane: requests wait in
 * their lane, leave (Discord applies them), and their answers come back later, each step in an
 * order the property chooses. What the player sees never goes back to an earlier state, and once
 * everything is delivered it is the latest state.
 */
class MessageWritersProperties {

    private static final MessageWriters.Key KEY = new MessageWriters.Key(PlayerId.of(11), 7,
            MessageWriters.Kind.MATCH_MESSAGE);

    /** Discord as the message sees it: two lanes of waiting requests, requests out, the shown state. */
    private static final class Discord implements MessageWriters.Transport<Integer> {
        final Deque<Waiting> interactionLane = new ArrayDeque<>();
        final Deque<Waiting> channelLane = new ArrayDeque<>();
        final List<CompletableFuture<MessageWriters.Landing>> out = new ArrayList<>();
        final List<Integer> shown = new ArrayList<>();
        boolean failNextInteraction;

        record Waiting(MessageWriters.Target target, int content, BooleanSupplier leaving,
                       CompletableFuture<MessageWriters.Landing> answer) {
        }

        @Override
        public CompletionStage<MessageWriters.Landing> send(MessageWriters.Key key, MessageWriters.Target target,
                                                            Integer content, BooleanSupplier leaving) {
            CompletableFuture<MessageWriters.Landing> answer = new CompletableFuture<>();
            Waiting waiting = new Waiting(target, content, leaving, answer);
            (target instanceof MessageWriters.Interaction ? interactionLane : channelLane).add(waiting);
            return answer;
        }

        /** The head of a lane leaves: JDA asks the check; Discord applies it; the answer is held. */
        void leave(Deque<Waiting> lane) {
            Waiting head = lane.poll();
            if (head == null) {
                return;
            }
            if (!head.leaving().getAsBoolean()) {
                head.answer().complete(new MessageWriters.Landing.Failed(SendResult.permanentFailure("cancelled")));
                return;
            }
            if (head.target() instanceof MessageWriters.Interaction && failNextInteraction) {
                failNextInteraction = false;
                head.answer().complete(new MessageWriters.Landing.Failed(
                        SendResult.permanentFailure("HTTP 404 (10015 Unknown Webhook)")));
                return;
            }
            shown.add(head.content());
            CompletableFuture<MessageWriters.Landing> answer = head.answer();
            out.add(answer);
        }

        void answer(int index) {
            if (out.isEmpty()) {
                return;
            }
            CompletableFuture<MessageWriters.Landing> answer = out.remove(Math.floorMod(index, out.size()));
            answer.complete(MessageWriters.Landing.landed());
        }

        boolean idle() {
            return interactionLane.isEmpty() && channelLane.isEmpty() && out.isEmpty();
        }
    }

    /**
     * The race a fresh clone's CI hit: the opponent reports, the player's match message is to say
     * so (the channel lane, slow); meanwhile the player picks a result (his click's token, the
     * interaction lane, fast). The slow edit, rendered before the pick, must not land after it.
     */
    @Example
    void aSlowEditBookedBeforeAPickNeverUndoesIt() {
        ManualClock clock = ManualClock.atEpochSecond(1_800_000_000L);
        Discord discord = new Discord();
        MessageWriters<Integer> writers = new MessageWriters<>(discord, Runnable::run, clock, Duration.ofMinutes(14));
        String[] shows = {"details"};
        List<String> states = new ArrayList<>(List.of("details"));
        MessageWriters.Render<Integer> render = () -> Optional.of(states.indexOf(shows[0]));
        writers.change(KEY, Optional.of(new MessageWriters.ChannelMessage(900, 500)), render, false);
        discord.leave(discord.channelLane);
        discord.answer(0);

        states.add("opponent reported");
        shows[0] = "opponent reported";
        CompletionStage<SendResult> reported = writers.change(KEY, Optional.empty(), render, false);
        // The edit waits in the channel lane (the DM's bucket is empty) while the player picks.
        states.add("opponent reported, result 2 picked");
        shows[0] = "opponent reported, result 2 picked";
        CompletionStage<SendResult> picked = writers.change(KEY,
                Optional.of(new MessageWriters.Interaction("tok-pick", clock.instant())), render, false);
        discord.leave(discord.interactionLane);
        discord.answer(0);
        // The slow edit reaches the front of its lane only now.
        discord.leave(discord.channelLane);

        assertThat(discord.idle()).isTrue();
        assertThat(discord.shown).extracting(states::get)
                .containsExactly("details", "opponent reported, result 2 picked");
        assertThat(reported.toCompletableFuture().getNow(null)).isEqualTo(SendResult.sent());
        assertThat(picked.toCompletableFuture().getNow(null)).isEqualTo(SendResult.sent());
    }

    @Property(tries = 300)
    void whatThePlayerSeesNeverGoesBackAndEndsAtTheLatestState(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 5) Integer> steps,
            @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 0, max = 1000) Integer> choices) {
        ManualClock clock = ManualClock.atEpochSecond(1_800_000_000L);
        Discord discord = new Discord();
        MessageWriters<Integer> writers = new MessageWriters<>(discord, Runnable::run, clock, Duration.ofMinutes(14));
        int[] state = {0};
        MessageWriters.Render<Integer> render = () -> Optional.of(state[0]);
        List<CompletionStage<SendResult>> changes = new ArrayList<>();
        // The match message exists in the DM (the channel route), as after the wave.
        changes.add(writers.change(KEY, Optional.of(new MessageWriters.ChannelMessage(900, 500)), render, false));
        int click = 0;
        for (int i = 0; i < steps.size(); i++) {
            int choice = choices.get(i);
            switch (steps.get(i)) {
                case 0 -> { // a lifecycle change (the opponent's report, the start): no new way to the message
                    state[0]++;
                    changes.add(writers.change(KEY, Optional.empty(), render, false));
                }
                case 1 -> { // the player's own click: a new token
                    state[0]++;
                    Instant created = clock.instant();
                    changes.add(writers.change(KEY, Optional.of(new MessageWriters.Interaction("tok-" + click++, created)),
                            render, false));
                }
                case 2 -> discord.leave(discord.interactionLane);
                case 3 -> discord.leave(discord.channelLane);
                case 4 -> discord.answer(choice);
                default -> {
                    discord.failNextInteraction = true;
                    clock.advance(Duration.ofSeconds(choice));
                }
            }
            assertThat(discord.shown).as("never an earlier state after a later one").isSorted();
        }
        // Everything is delivered, in any order of lanes and answers.
        int guard = 0;
        while (!discord.idle() && guard++ < 10_000) {
            int pick = choices.get(guard % choices.size());
            switch ((pick + guard) % 3) {
                case 0 -> discord.leave(discord.interactionLane);
                case 1 -> discord.leave(discord.channelLane);
                default -> discord.answer(pick);
            }
        }
        assertThat(discord.idle()).as("every request delivered").isTrue();
        assertThat(discord.shown).as("never an earlier state after a later one").isSorted();
        assertThat(discord.shown).as("the player finally sees the latest state").last().isEqualTo(state[0]);
        assertThat(changes).allSatisfy(change -> assertThat(change.toCompletableFuture().getNow(null))
                .as("every change is settled as shown").isEqualTo(SendResult.sent()));
        assertThat(writers.busy()).isZero();
    }
}
