package dev.matchwave.bot.demo;

import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.MessageEvent;
import dev.matchwave.emulator.SeenComponent;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.emulator.UserInteraction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scripted player: he accepts the terms, sets up his profile, picks his races and vetoes,
 * joins the queue, and for each match found confirms (or aborts), reports the result and
 * queues again, until the demo stops. Everything goes through the emulator as a Discord user
 * would do it; what he sees comes through his {@link Inbox}.
 *
 * <p>Not thread-safe: one thread runs one player. The steps block until the bot answers.
 */
final class ScriptedPlayer {

    private static final Pattern MATCH_NUMBER = Pattern.compile("#(\\d+)");
    /** Discord's answer to a command arrives within 3 s or never; a match may take several waves. */
    private static final Duration STEP = Duration.ofSeconds(20);
    private static final Duration MATCH_END = Duration.ofSeconds(90);
    private static final Duration CONFIRM_SELECT = Duration.ofSeconds(3);
    /** How long a player keeps trying an interaction the bot does not answer (it may be restarting). */
    private static final Duration RETRY_FOR = Duration.ofSeconds(60);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    /** What the demo gives a player: its stop flag, the match plans, and where results go. */
    interface Table {
        boolean stopping();

        /** The plan of this match (the same for both players); empty if the demo does not know it. */
        Optional<MatchPlan> plan(long matchId);

        void matchEnded(long matchId, String outcome);

        /** He is about to press Confirm on the match (the start is timed from the second press). */
        default void confirmPressed(long matchId, long userId) {
        }

        void expect(UserInteraction interaction, Inbox inbox);

        /** A remark for the report's notes (each distinct remark once). */
        void note(String remark);

        /** The player's wait for a match (from pressing Join to seeing "match found"), as he saw it. */
        void waited(Duration wait);

        /**
         * Counts the bots killed so far ({@code --crash-at-wave}): an interaction sent before a kill
         * that has no answer after it never will have one, and is sent again.
         */
        default int crashes() {
            return 0;
        }

        /** He sent an interaction again: the first got no answer (the bot was down). */
        default void retried() {
        }
    }

    private final Persona persona;
    private final EmulatedUser user;
    private final Inbox inbox;
    private final Table table;
    private final SplittableRandom random;
    private SeenMessage queueView;
    private final java.util.Set<Long> played = new java.util.HashSet<>();

    ScriptedPlayer(Persona persona, EmulatedUser user, Inbox inbox, Table table, long seed) {
        this.persona = Objects.requireNonNull(persona, "persona");
        this.user = Objects.requireNonNull(user, "user");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.table = Objects.requireNonNull(table, "table");
        this.random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (persona.index() + 1)));
    }

    Persona persona() {
        return persona;
    }

    EmulatedUser user() {
        return user;
    }

    /** The matches he has been found so far. */
    int matches() {
        return played.size();
    }

    // ------------------------------------------------------------------ before the first wave

    /** /termsofservice and accept; /setup and submit the modal. */
    void setUp() throws InterruptedException {
        SeenMessage terms = ask((() -> user.runCommand("termsofservice")), "the terms");
        SeenComponent.Button accept = terms.buttons().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the terms show no button: " + terms));
        ask((() -> user.press(terms, accept.label())), "the terms accepted");
        UserInteraction setup = send(() -> user.runCommand("setup"));
        UserInteraction submitted = send(() -> setup.submitModal(Map.of(
                "user_id", persona.ladderId(),
                "battletag", persona.battleTag(),
                "country", persona.country(),
                "region", persona.region()), STEP));
        SeenMessage saved = reply(submitted, "the profile saved");
        if (!saved.text().toLowerCase(java.util.Locale.ROOT).contains("saved")
                && !saved.text().toLowerCase(java.util.Locale.ROOT).contains("profile")) {
            throw new IllegalStateException(persona.userName() + "'s setup was not taken: " + saved);
        }
    }

    /** /queue, then his races and vetoes: the queue view stays open, ready to join. */
    void chooseRaces() throws InterruptedException {
        queueView = ask((() -> user.runCommand("queue")), "the queue view");
        if (persona.bwRace().isPresent()) {
            queueView = edited(queueView, () -> user.select(queueView, "Brood War race (optional)",
                    List.of(persona.bwRace().get())), "the Brood War race");
        }
        if (persona.sc2Race().isPresent()) {
            queueView = edited(queueView, () -> user.select(queueView, "StarCraft II race (optional)",
                    List.of(persona.sc2Race().get())), "the StarCraft II race");
        }
        Optional<SeenComponent.Select> vetoes = queueView.selects().stream()
                .filter(s -> s.placeholder().startsWith("Maps to veto")).findFirst();
        if (vetoes.isPresent() && persona.vetoes() > 0) {
            List<String> pool = new ArrayList<>(vetoes.get().options().stream().map(SeenComponent.Option::value).toList());
            List<String> picked = new ArrayList<>();
            int count = Math.min(Math.min(persona.vetoes(), vetoes.get().maxValues()), pool.size() - 1);
            for (int i = 0; i < count; i++) {
                picked.add(pool.remove(random.nextInt(pool.size())));
            }
            if (!picked.isEmpty()) {
                String id = vetoes.get().customId();
                queueView = edited(queueView, () -> user.select(queueView, id, picked), "the map vetoes");
            }
        }
    }

    // ------------------------------------------------------------------ the waves

    /** Joins, plays each match found, queues again; returns when the demo stops. */
    void play() throws InterruptedException {
        while (!table.stopping()) {
            long joinedAt = System.nanoTime();
            int mark = inbox.mark();
            join();
            MessageEvent found = inbox.await(mark, e -> e.message().shows("Match found")
                    && !played.contains(matchNumber(e.message())), Duration.ofMinutes(30), "a match");
            table.waited(Duration.ofNanos(System.nanoTime() - joinedAt));
            long matchId = matchNumber(found.message());
            played.add(matchId);
            playMatch(matchId, found.message());
            if (table.stopping()) {
                return;
            }
            queueView = ask((() -> user.runCommand("queue")), "the queue view");
        }
    }

    private void join() throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            SeenMessage current = user.message(queueView.id());
            SeenMessage answer = ask((() -> user.press(current, "Join the queue")), "the searching message");
            if (answer.shows("Searching")) {
                return;
            }
            // Refused (a match of his still closing, say): look again shortly.
            if (attempt == 5) {
                throw new IllegalStateException(persona.userName() + " could not join: " + answer.text());
            }
            Thread.sleep(500);
            queueView = ask((() -> user.runCommand("queue")), "the queue view");
        }
    }

    private void playMatch(long matchId, SeenMessage found) throws InterruptedException {
        MatchPlan plan = table.plan(matchId).orElse(new MatchPlan.Play(user.id(), 1, 1));
        int mark = inbox.mark();
        if (plan instanceof MatchPlan.Abort abort && abort.aborterUserId() == user.id()) {
            abort(matchId, found);
        } else {
            table.confirmPressed(matchId, user.id());
            confirm(found);
            MessageEvent next = inbox.await(mark, e -> about(e, matchId)
                            && (e.message().select("Who won?").isPresent() || ended(e.message())),
                    MATCH_END, "match #" + matchId + "'s details");
            if (!ended(next.message()) && plan instanceof MatchPlan.Play play) {
                report(matchId, next.message(), play.says(user.id()));
            }
        }
        MessageEvent end = inbox.await(mark, e -> about(e, matchId) && ended(e.message()), MATCH_END,
                "the end of match #" + matchId);
        table.matchEnded(matchId, outcome(end.message()).orElse("other"));
    }

    /**
     * Presses Confirm, and tries again as {@link #ask} does. A confirmation the killed bot had
     * committed before its answer came back shows on the message (a disabled "Confirmed" button
     * in place of Confirm): a player who sees it has confirmed and waits, so does this one.
     */
    private void confirm(SeenMessage found) throws InterruptedException {
        if (confirmedOn(user.message(found.id()))) {
            return;
        }
        try {
            // Taken: his message loses its Confirm button ("Confirmed", or the match's details).
            ask((() -> user.press(found, "Confirm")), e -> e.message().id() == found.id()
                    && e.kind() == MessageEvent.Kind.EDITED && e.message().button("Confirm").isEmpty(), "the confirmation");
        } catch (RuntimeException e) {
            if (!confirmedOn(user.message(found.id()))) {
                throw e;
            }
        }
    }

    private static boolean confirmedOn(SeenMessage message) {
        return message.button("Confirm").isEmpty()
                && message.buttons().stream().anyMatch(b -> b.label().equals("Confirmed"));
    }

    private void abort(long matchId, SeenMessage found) throws InterruptedException {
        Optional<SeenComponent.Button> button = found.buttons().stream()
                .filter(b -> b.label().startsWith("Abort")).findFirst();
        if (button.isEmpty()) {
            table.note("match #" + matchId + ": the 'match found' message showed no abort button; the player did nothing");
            return;
        }
        ask((() -> user.press(found, button.get().label())), "the armed abort");
        // The bot re-renders the message: the button now asks for the second click.
        MessageEvent armed;
        try {
            armed = inbox.await(0, e -> e.message().id() == found.id() && e.message().buttons().stream()
                    .anyMatch(b -> b.label().startsWith("Click again")), CONFIRM_SELECT, "the armed abort button");
        } catch (Inbox.DemoTimeout e) {
            table.note("match #" + matchId + ": the abort button did not ask for the second click; the player did nothing");
            return;
        }
        SeenMessage current = armed.message();
        String again = current.buttons().stream().filter(b -> b.label().startsWith("Click again")).findFirst()
                .orElseThrow().label();
        ask((() -> user.press(current, again)), "the abort");
    }

    private void report(long matchId, SeenMessage details, int code) throws InterruptedException {
        String picked = Integer.toString(code);
        ask((() -> user.select(details, "Who won?", List.of(picked))), e -> e.message().id() == details.id()
                && e.message().select("Confirm the result").filter(c -> !c.disabled()).isPresent(), "the result picked");
        // The confirm select is enabled on the match message once a result is picked.
        Optional<MessageEvent> enabled;
        try {
            enabled = Optional.of(inbox.await(0, e -> e.message().id() == details.id()
                    && e.message().select("Confirm the result").filter(c -> !c.disabled()).isPresent(),
                    CONFIRM_SELECT, "the enabled 'Confirm the result' select"));
        } catch (Inbox.DemoTimeout e) {
            enabled = Optional.empty();
        }
        if (enabled.isPresent()) {
            SeenMessage current = enabled.get().message();
            SeenComponent.Select confirm = current.select("Confirm the result").orElseThrow();
            String value = confirm.options().get(0).value();
            // Taken: the match message shows his report (or the result) and no result controls.
            ask((() -> user.select(current, "Confirm the result", List.of(value))), e -> e.message().id() == details.id()
                    && e.kind() == MessageEvent.Kind.EDITED && e.message().select("Confirm the result").isEmpty(),
                    "the result confirmed");
            return;
        }
        table.note("match #" + matchId + ": the 'Confirm the result' select was not enabled after a result was"
                + " picked; the player did not confirm");
    }

    // ------------------------------------------------------------------ helpers

    private static boolean about(MessageEvent event, long matchId) {
        return event.kind() != MessageEvent.Kind.DELETED
                && Pattern.compile("#" + matchId + "(?!\\d)").matcher(event.message().text()).find();
    }

    /**
     * Whether the message says the match is over: "is over:" (completed), the reports differ
     * (conflict), or aborted. Not "when the game is over." of the match view's instructions.
     */
    static boolean ended(SeenMessage message) {
        return outcome(message).isPresent();
    }

    /** "completed", "conflict" or "aborted", when the message says the match ended so. */
    static Optional<String> outcome(SeenMessage message) {
        String text = message.text();
        if (text.contains("is over:")) {
            return Optional.of("completed");
        }
        if (text.contains("reports differ")) {
            return Optional.of("conflict");
        }
        if (text.contains("was aborted") || text.contains("Aborted: no rating change")) {
            return Optional.of("aborted");
        }
        return Optional.empty();
    }

    static long matchNumber(SeenMessage message) {
        Matcher m = MATCH_NUMBER.matcher(message.text());
        if (!m.find()) {
            throw new IllegalStateException("no match number in " + message);
        }
        return Long.parseLong(m.group(1));
    }

    private interface Action {
        UserInteraction send();
    }

    private UserInteraction send(Action action) {
        UserInteraction interaction = action.send();
        table.expect(interaction, inbox);
        return interaction;
    }

    /**
     * Sends the interaction and returns the bot's reply. As a player would, he tries again when
     * Discord says "This interaction failed" (no answer within its deadline: the bot was down) or
     * when the bot was killed after he sent it, until {@link #RETRY_FOR} has passed.
     */
    private SeenMessage ask(Action action, String what) throws InterruptedException {
        return ask(action, e -> false, what);
    }

    /**
     * As {@link #ask}, for a click the bot answers by changing its message: returns the first
     * change that {@code shows} the click took effect, or the bot's reply (a refusal).
     */
    private SeenMessage ask(Action action, Predicate<MessageEvent> shows, String what) throws InterruptedException {
        long giveUp = System.nanoTime() + RETRY_FOR.toNanos();
        while (true) {
            int crashes = table.crashes();
            int mark = inbox.mark();
            UserInteraction interaction = send(action);
            long sent = System.nanoTime();
            long id = interaction.id();
            while (true) {
                try {
                    return inbox.await(mark, e -> answers(e, id) || shows.test(e), Duration.ofSeconds(1), what)
                            .message();
                } catch (Inbox.DemoTimeout e) {
                    if (interaction.failed() || table.crashes() != crashes) {
                        break;
                    }
                    if (System.nanoTime() - sent > STEP.toNanos()) {
                        throw new Inbox.DemoTimeout(persona.userName() + " waited " + STEP.toSeconds() + " s for "
                                + what + " in vain");
                    }
                }
            }
            if (System.nanoTime() > giveUp) {
                throw new Inbox.DemoTimeout(persona.userName() + " got no answer for " + what + " in "
                        + RETRY_FOR.toSeconds() + " s of trying again");
            }
            table.retried();
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
    }

    private static boolean answers(MessageEvent e, long interactionId) {
        return e.kind() != MessageEvent.Kind.DELETED && !e.message().loading()
                && e.message().interactionId().isPresent() && e.message().interactionId().getAsLong() == interactionId;
    }

    /** The bot's (not "thinking") reply to this interaction. */
    private SeenMessage reply(UserInteraction interaction, String what) throws InterruptedException {
        long id = interaction.id();
        return inbox.await(0, e -> e.kind() != MessageEvent.Kind.DELETED && !e.message().loading()
                        && e.message().interactionId().isPresent() && e.message().interactionId().getAsLong() == id,
                STEP, what).message();
    }

    /** Sends a component interaction that edits {@code message}, and returns the edited message. */
    private SeenMessage edited(SeenMessage message, Action action, String what) throws InterruptedException {
        int mark = inbox.mark();
        int revision = user.message(message.id()).revision();
        send(action);
        return inbox.await(mark, e -> e.kind() == MessageEvent.Kind.EDITED && e.message().id() == message.id()
                && e.message().revision() > revision, STEP, what).message();
    }
}
