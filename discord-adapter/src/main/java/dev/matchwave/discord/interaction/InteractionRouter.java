package dev.matchwave.discord.interaction;

import dev.matchwave.discord.command.CountryCatalog;
import dev.matchwave.discord.command.SlashCommands;
import dev.matchwave.discord.component.ComponentAction;
import dev.matchwave.discord.component.CustomId;
import dev.matchwave.discord.delivery.ClickAnswers;
import dev.matchwave.discord.delivery.MessageWriters;
import dev.matchwave.discord.delivery.PlayerContacts;
import dev.matchwave.discord.timing.FlowListener;
import dev.matchwave.discord.timing.FlowRecorder;
import dev.matchwave.discord.timing.FlowTargets;
import dev.matchwave.discord.timing.FlowTimer;
import dev.matchwave.discord.timing.Ticker;
import dev.matchwave.discord.view.LadderMessages;
import dev.matchwave.discord.view.LeaderboardView;
import dev.matchwave.discord.view.StandingMessages;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.notification.dispatch.SendResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's JDA listener: slash commands, buttons and selects to {@link LadderDesk} calls.
 *
 * <p>Every interaction is answered in time: a refusal ({@link InteractionChecks}) directly, an
 * action by deferring (the 3-second rule, docs/discord.md) and then running the desk on the
 * executor (virtual threads in production) and editing the deferred response. A "join" and
 * {@code /queue}, the players' busiest commands, run the desk first and answer in the reply
 * itself when it answered within {@link #REPLY_BUDGET} (one request instead of two), deferring
 * only when it did not. A join's reply is a new ephemeral message, which becomes the player's
 * "Searching..." message; its token is remembered in {@link PlayerContacts} so that phase 1 can
 * edit it into "match found".
 *
 * <p>Thread-safe; JDA's event threads never block here.
 */
public final class InteractionRouter extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionRouter.class);
    static final java.time.Duration PREFILL_WAIT = java.time.Duration.ofMillis(1_500);
    private static final CountryCatalog COUNTRIES = CountryCatalog.iso();
    static final String FAULT = "Something went wrong on our side; nothing was changed. Please try again.";
    static final String UNAVAILABLE = dev.matchwave.matchmaking.ladder.StoreException.UNAVAILABLE_ANSWER;

    private final LadderDesk desk;
    private final PlayerContacts contacts;
    private final Set<Long> adminIds;
    private final Executor executor;
    /**
     * How long {@link #replyWithin} waits for the desk before it defers the reply: half of
     * Discord's 3 s for the first answer, so a deferral still arrives in time on a slow day.
     */
    static final java.time.Duration REPLY_BUDGET = java.time.Duration.ofMillis(1500);
    /** Runs the deferrals of {@link #replyWithin} whose desk took longer than the budget; tiny tasks only. */
    private static final ScheduledExecutorService REPLY_DEADLINES = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("matchwave-reply-deadline").daemon(true).factory());
    private final FlowRecorder flows;
    private final MessageWriters<MessageCreateData> writers;
    private final ClickAnswers clicks;
    /** Whether the writers' transport answers clicks with their message (it shares {@link #clicks}). */
    private final boolean answerWithMessage;

    /**
     * @param desk     the ladder
     * @param contacts where the searching messages' tokens go
     * @param adminIds who may use {@code /admin}
     * @param executor runs the desk calls (they may block): virtual threads in production
     * @param flows    times every handled interaction (acknowledge, ladder, discord): one report per
     *                 flow, slow ones flagged against the targets
     * @param writers  the one writer of each match message, shared with the notification sink: a
     *                 click's new look goes through it, never straight to Discord
     */
    public InteractionRouter(LadderDesk desk, PlayerContacts contacts, Set<Long> adminIds, Executor executor,
                             FlowRecorder flows, MessageWriters<MessageCreateData> writers) {
        this(desk, contacts, adminIds, executor, flows, writers, null);
    }

    /**
     * As the constructor above, with the clicks on match messages answered by the message itself:
     * {@code clicks} must be the one given to the writers' transport
     * ({@link dev.matchwave.discord.delivery.JdaMessenger}), which sends a click's answer
     * ({@code UPDATE_MESSAGE}) when it writes to the message with the click's token. Without it
     * (null, the constructor above) every click is acknowledged at once with a deferred update,
     * and its message changes once Discord has taken that.
     */
    public InteractionRouter(LadderDesk desk, PlayerContacts contacts, Set<Long> adminIds, Executor executor,
                             FlowRecorder flows, MessageWriters<MessageCreateData> writers,
                             @org.jspecify.annotations.Nullable ClickAnswers clicks) {
        this.answerWithMessage = clicks != null;
        this.clicks = clicks != null ? clicks : new ClickAnswers();
        this.flows = Objects.requireNonNull(flows, "flows");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.adminIds = Set.copyOf(adminIds);
        java.util.concurrent.Executor handlers = Objects.requireNonNull(executor, "executor");
        // A bot that is stopping (or was killed in a test) refuses new work: the interaction goes
        // unanswered, as it would with the process gone, instead of an exception in JDA's thread.
        this.executor = task -> {
            try {
                handlers.execute(() -> {
                    try {
                        task.run();
                    } catch (java.util.concurrent.RejectedExecutionException e) {
                        // JDA stopped meanwhile: its requester takes no more requests.
                        org.slf4j.LoggerFactory.getLogger(InteractionRouter.class)
                                .debug("the bot stopped while answering an interaction");
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                org.slf4j.LoggerFactory.getLogger(InteractionRouter.class)
                        .debug("the bot is stopping: an interaction is left unanswered");
            }
        };
        this.writers = Objects.requireNonNull(writers, "writers");
    }

    /**
     * Every interaction in a player's DM names his DM channel: remembered, so that his match
     * messages go straight to it (a per-channel bucket) instead of queueing behind one shared
     * "open a DM" route, which held a wave of 200 first-time DMs to 5 per 5 s.
     */
    @Override
    public void onGenericInteractionCreate(GenericInteractionCreateEvent event) {
        // Only from his own slash commands: a command runs where its user is, so a DM channel is
        // his. A click names the channel of the message clicked, which a modified client may
        // send for another player's message; taking it would send his messages to that player.
        if (event instanceof net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent
                && event.getChannelType() == ChannelType.PRIVATE && event.getChannelIdLong() != 0) {
            contacts.rememberDmChannel(PlayerId.of(event.getUser().getIdLong()), event.getChannelIdLong());
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        long user = event.getUser().getIdLong();
        boolean dm = event.getChannelType() == ChannelType.PRIVATE;
        switch (InteractionChecks.command(event.getName(), dm, user, adminIds)) {
            case InteractionChecks.Decision.Refuse refuse -> {
                if (refuse.refusal() == InteractionChecks.Refusal.NOT_ADMIN) {
                    LOG.warn("/admin refused: user {} is not an admin", user);
                    event.reply(LadderMessages.adminOnly()).setEphemeral(true).queue();
                } else {
                    event.reply(LadderMessages.directMessageOnly(event.getName())).setEphemeral(true).queue();
                }
            }
            case InteractionChecks.Decision.Command command -> {
                switch (command.name()) {
                    case SlashCommands.QUEUE -> replyWithin(FlowTargets.QUEUE_COMMAND, event,
                            () -> LadderMessages.queue(desk.queueView(user)), null);
                    case SlashCommands.TERMS_OF_SERVICE -> event.reply(terms(user)).setEphemeral(true).queue();
                    case SlashCommands.SETUP -> event.replyModal(SetupModal.build(user, currentSetup(user),
                            desk.homeRegions())).queue();
                    case SlashCommands.LEADERBOARD -> {
                        LeaderboardView.Filter filter = new LeaderboardView.Filter(
                                string(event, SlashCommands.Options.COUNTRY).map(c -> COUNTRIES.resolve(c)
                                        .map(CountryCatalog.Country::code).orElse(c)),
                                string(event, SlashCommands.Options.RACE),
                                string(event, SlashCommands.Options.RANK),
                                Optional.ofNullable(event.getOption(SlashCommands.Options.BEST_RACE_ONLY))
                                        .map(OptionMapping::getAsBoolean).orElse(false));
                        int page = Optional.ofNullable(event.getOption(SlashCommands.Options.PAGE))
                                .map(OptionMapping::getAsInt).orElse(1);
                        Optional<Integer> season = Optional.ofNullable(event.getOption(SlashCommands.Options.SEASON))
                                .map(OptionMapping::getAsInt);
                        deferReply(SlashCommands.LEADERBOARD, event.getHook(), event.deferReply(true)::queue,
                                () -> season.flatMap(n -> seasonAnswer(desk.seasonLeaderboard(user, filter, page, n)))
                                        .orElseGet(() -> StandingMessages.leaderboard(desk.leaderboard(user, filter, page))));
                    }
                    case SlashCommands.PROFILE -> {
                        Optional<Integer> season = Optional.ofNullable(event.getOption(SlashCommands.Options.SEASON))
                                .map(OptionMapping::getAsInt);
                        deferReply(SlashCommands.PROFILE, event.getHook(), event.deferReply(true)::queue,
                                () -> season.flatMap(n -> seasonAnswer(desk.seasonProfile(user, n)))
                                        .orElseGet(() -> switch (desk.profile(user)) {
                                            case LadderDesk.ProfileAnswer.Shown shown -> StandingMessages.profile(shown.view());
                                            case LadderDesk.ProfileAnswer.Missing missing -> text(missing.message());
                                        }));
                    }
                    case SlashCommands.SET_COUNTRY -> {
                        String country = string(event, SlashCommands.Options.COUNTRY).orElse("");
                        deferReply(SlashCommands.SET_COUNTRY, event.getHook(), event.deferReply(true)::queue,
                                () -> text(desk.setCountry(user, country)));
                    }
                    case SlashCommands.PRUNE -> {
                        MessageChannel channel = event.getChannel();
                        long self = event.getJDA().getSelfUser().getIdLong();
                        // "Now" is the command's own time (Discord's snowflake), not a clock read here.
                        java.time.Instant asked = event.getTimeCreated().toInstant();
                        deferReply(SlashCommands.PRUNE, event.getHook(), event.deferReply(true)::queue,
                                () -> text(prune(channel, self, asked)));
                    }
                    case SlashCommands.MATCH -> deferReply(SlashCommands.MATCH, event.getHook(),
                            event.deferReply(true)::queue, () -> text(recallMatch(user)));
                    case SlashCommands.ADMIN -> {
                        AdminRequest request;
                        try {
                            request = AdminRequest.read(Optional.ofNullable(event.getSubcommandGroup()),
                                    Objects.requireNonNullElse(event.getSubcommandName(), ""), options(event));
                        } catch (IllegalArgumentException | ArithmeticException e) {
                            event.reply("That /admin command cannot be read: " + e.getMessage()).setEphemeral(true).queue();
                            return;
                        }
                        LOG.info("/admin {} by {}", request, user);
                        deferReply("admin", event.getHook(), event.deferReply(true)::queue,
                                () -> text(desk.admin(user, request)));
                    }
                    default -> event.reply("/" + command.name() + " is not available in this version of the bot yet.")
                            .setEphemeral(true).queue();
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (event.getFocusedOption().getName().equals(SlashCommands.Options.COUNTRY)) {
            event.replyChoices(COUNTRIES.autocomplete(event.getFocusedOption().getValue())).queue();
        } else {
            event.replyChoices(List.of()).queue();
        }
    }

    private static Optional<String> string(SlashCommandInteractionEvent event, String name) {
        return Optional.ofNullable(event.getOption(name)).map(OptionMapping::getAsString)
                .map(String::strip).filter(v -> !v.isEmpty());
    }

    private static AdminRequest.Options options(SlashCommandInteractionEvent event) {
        return new AdminRequest.Options() {
            @Override
            public Optional<String> string(String name) {
                return Optional.ofNullable(event.getOption(name)).map(OptionMapping::getAsString);
            }

            @Override
            public OptionalLong number(String name) {
                OptionMapping option = event.getOption(name);
                // getAsLong reads integers and the ids of user options alike.
                return option == null ? OptionalLong.empty() : OptionalLong.of(option.getAsLong());
            }
        };
    }

    /**
     * Deletes the bot's own messages older than three hours from the whole DM history
     * ({@link Prune#run} decides and paces); runs on the executor, blocking on Discord. A
     * message that cannot be deleted is skipped and logged.
     */
    private static String prune(MessageChannel channel, long self, java.time.Instant now) {
        Prune.History history = new Prune.History() {
            @Override
            public List<Prune.Sent> before(OptionalLong before, int limit) {
                List<Message> page = before.isPresent()
                        ? MessageHistory.getHistoryBefore(channel, Long.toUnsignedString(before.getAsLong()))
                                .limit(limit).complete().getRetrievedHistory()
                        : channel.getHistory().retrievePast(limit).complete();
                return page.stream().map(m -> new Prune.Sent(m.getIdLong(), m.getAuthor().getIdLong(),
                        m.getTimeCreated().toInstant())).toList();
            }

            @Override
            public void delete(long messageId) {
                try {
                    channel.deleteMessageById(messageId).complete();
                } catch (RuntimeException e) {
                    LOG.warn("/prune: message {} could not be deleted: {}", messageId, e.toString());
                    throw e;
                }
            }
        };
        return Prune.answer(Prune.run(history, self, now, java.time.InstantSource.system(),
                duration -> Thread.sleep(duration)));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        component(event, List.of());
    }

    /**
     * A value that is not one of the select's own options (a forged client) is refused with a
     * short ephemeral answer before anything reads it; the message stays as it is.
     */
    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        Optional<Set<String>> options = selectOptions(event);
        if (options.isPresent() && !options.get().containsAll(event.getValues())) {
            LOG.warn("select {} by {}: a value that is not one of its options", event.getComponentId(),
                    event.getUser().getIdLong());
            event.reply(INVALID_CHOICE).setEphemeral(true).queue();
            return;
        }
        // A select no longer on its message (removed since the client drew it) reaches the desk,
        // which answers by the match's state; a queue select must be on the message to be read.
        if (options.isEmpty() && !isResultSelect(event.getComponentId())) {
            event.reply(NO_LONGER_VALID).setEphemeral(true).queue();
            return;
        }
        component(event, event.getValues());
    }

    private static boolean isResultSelect(String customId) {
        try {
            ComponentAction action = CustomId.parse(customId).action();
            return action == ComponentAction.REPORT || action == ComponentAction.REPORT_CONFIRM;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The values the clicked select offers on its message; empty when it is not on the message. */
    private static Optional<Set<String>> selectOptions(StringSelectInteractionEvent event) {
        try {
            return Optional.ofNullable(event.getComponent()).map(menu -> menu.getOptions().stream()
                    .map(net.dv8tion.jda.api.components.selections.SelectOption::getValue)
                    .collect(java.util.stream.Collectors.toSet()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static final String INVALID_CHOICE = "That choice is not one of this menu's options; nothing was changed.";
    static final String NO_LONGER_VALID = "This button is no longer valid: it belongs to an old message. Run the command again.";

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        long user = event.getUser().getIdLong();
        switch (InteractionChecks.component(event.getModalId(), user)) {
            case InteractionChecks.Decision.Component component
                    when component.id().action() == ComponentAction.SETUP_MODAL -> {
                SetupForm form = SetupModal.read(
                        id -> Optional.ofNullable(event.getValue(id)).map(ModalMapping::getAsString),
                        id -> Optional.ofNullable(event.getValue(id)).map(ModalMapping::getAsStringList).orElse(List.of()));
                deferReply("setup", event.getHook(), event.deferReply(true)::queue, () -> text(desk.setup(user, form)));
            }
            default -> event.reply("This form belongs to an old message: run /setup again.").setEphemeral(true).queue();
        }
    }

    /**
     * The saved profile for the modal: a modal must be the first answer, so it cannot be
     * deferred; the profile is read on the executor and given up after {@link #PREFILL_WAIT}
     * (the modal then comes empty) so the 3-second rule holds.
     */
    private Optional<SetupForm> currentSetup(long user) {
        CompletableFuture<Optional<SetupForm>> read = CompletableFuture.supplyAsync(() -> desk.currentSetup(user), executor);
        try {
            return read.get(PREFILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("/setup: the saved profile of {} could not be read in time; the form comes empty", user);
            return Optional.empty();
        }
    }

    private void component(GenericComponentInteractionCreateEvent event, List<String> values) {
        long user = event.getUser().getIdLong();
        switch (InteractionChecks.component(event.getComponentId(), user)) {
            case InteractionChecks.Decision.Ignore ignore -> {
            }
            case InteractionChecks.Decision.Refuse refuse -> event.reply(
                    refuse.refusal() == InteractionChecks.Refusal.NOT_YOURS ? LadderMessages.notYourComponent()
                            : text(NO_LONGER_VALID + " (" + refuse.detail() + ")"))
                    .setEphemeral(true).queue();
            case InteractionChecks.Decision.Component component -> act(event, component.id(), user, values);
            // Every interaction gets an answer: without one the user sees "This interaction failed".
            default -> event.reply(NO_LONGER_VALID).setEphemeral(true).queue();
        }
    }

    private void act(GenericComponentInteractionCreateEvent event, CustomId id, long user, List<String> values) {
        long match = id.matchId().orElse(0);
        InteractionHook hook = event.getHook();
        String flow = flowName(id.action());
        switch (id.action()) {
            case BW_RACE -> deferEdit(flow, event, () -> LadderMessages.queue(
                    desk.chooseRace(user, "bw", values.stream().findFirst())));
            case SC2_RACE -> deferEdit(flow, event, () -> LadderMessages.queue(
                    desk.chooseRace(user, "sc2", values.stream().findFirst())));
            case MAP_VETO -> deferEdit(flow, event, () -> LadderMessages.queue(desk.vetoMaps(user, values)));
            case CLEAR -> deferEdit(flow, event, () -> LadderMessages.queue(desk.clearChoices(user)));
            // A new answer, not an edit of the searching message: a wave may have matched him a
            // moment ago, and its "match found" (with the Confirm button) is that same message.
            case CANCEL -> deferReply(flow, hook, event.deferReply(true)::queue, () -> {
                contacts.forgetToken(PlayerId.of(user));
                return text(desk.cancel(user));
            });
            case JOIN -> {
                // The new ephemeral reply is the searching message: its token is phase 1's way back.
                String token = event.getToken();
                var created = event.getTimeCreated().toInstant();
                // The token reaches the wave (and the searching refresh) as soon as the ladder
                // queues him, before Discord has the reply: their edits of it wait for the reply.
                ClickAnswers.Click reply = clicks.registerReply(token);
                replyWithin(flow, event, () -> switch (desk.join(user, new MessageWriters.Interaction(token, created))) {
                    case LadderDesk.JoinAnswer.Searching searching -> {
                        contacts.rememberSearch(PlayerId.of(user), token, created);
                        yield LadderMessages.searching(searching.view());
                    }
                    case LadderDesk.JoinAnswer.Refused refused -> text(refused.message());
                }, reply);
            }
            case ACCEPT_TERMS -> deferReply(flow, hook, event.deferReply(true)::queue, () -> text(desk.acceptTerms(user)));
            // Confirm and the two abort clicks re-render the message they were clicked on ("match
            // found", or the match message of the details), so it shows "Confirmed" or the armed
            // "Click again to abort". A confirm the ladder took says nothing more (the message
            // shows it); a refusal, and each abort click, come as an ephemeral note.
            case CONFIRM -> deferEditAndTell(flow, event, () -> desk.confirm(match, user), match, user);
            case ABORT -> deferEditAndTell(flow, event, () -> Optional.of(desk.abort(match, user, false)), match, user);
            case ABORT_CONFIRM -> deferEditAndTell(flow, event, () -> Optional.of(desk.abort(match, user, true)), match,
                    user);
            // The match message itself changes (the pick preselected, the confirm select enabled;
            // after the report, "You reported: ..." and no controls); only a refusal is said apart.
            case REPORT -> deferEditAndTell(flow, event, () -> values.isEmpty() ? Optional.of("Pick a result first.")
                            : resultCode(values.get(0)).map(code -> desk.chooseResult(match, user, code))
                                    .orElse(Optional.of("That result cannot be read; pick it again.")), match, user);
            case REPORT_CONFIRM -> deferEditAndTell(flow, event, () -> desk.confirmResult(match, user), match, user);
            case LEADERBOARD_PAGE -> {
                Optional<LeaderboardView.Paged> paged = LeaderboardView.Filter.decode(id.argument());
                if (paged.isEmpty()) {
                    event.reply("This button belongs to an old message: run /leaderboard again.").setEphemeral(true).queue();
                    return;
                }
                deferEdit(SlashCommands.LEADERBOARD, event, () -> StandingMessages.leaderboard(
                        desk.leaderboard(user, paged.get().filter(), paged.get().page())));
            }
            default -> event.reply("This is not available in this version of the bot yet.").setEphemeral(true).queue();
        }
    }

    static Optional<Integer> resultCode(String value) {
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The flow a component's handling is timed as: the targets' names where they have one. */
    static String flowName(ComponentAction action) {
        return switch (action) {
            case JOIN -> FlowTargets.JOIN;
            case REPORT_CONFIRM -> FlowTargets.RESULT_CONFIRM;
            default -> action.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /**
     * Answers with what the desk says in the interaction's own reply (one request, the callback)
     * when the desk answers within {@link #REPLY_BUDGET}; otherwise defers the reply then (Discord
     * allows 3 s for the first answer) and edits it once the desk answered. Timed as {@code flow}
     * (acknowledge, ladder, discord). A burst of 200 joins thus costs 200 requests, not 400 (a
     * deferral, then the edit), and each player sees his answer one round trip sooner.
     */
    private void replyWithin(String flow, IReplyCallback event, java.util.function.Supplier<MessageCreateData> work,
                             ClickAnswers.@org.jspecify.annotations.Nullable Click reply) {
        FlowTimer timer = flows.start(flow);
        timer.checkpoint("acknowledge");
        // Whoever sets it first decides: the answer in the reply itself, or a deferral.
        AtomicBoolean replied = new AtomicBoolean();
        ScheduledFuture<?> deadline = REPLY_DEADLINES.schedule(() -> {
            if (replied.compareAndSet(false, true)) {
                event.deferReply(true).queue();
            }
        }, REPLY_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
        executor.execute(() -> {
            MessageCreateData answer = answer(work);
            timer.checkpoint("ladder");
            if (replied.compareAndSet(false, true)) {
                deadline.cancel(false);
                event.reply(answer).setEphemeral(true).queue(ok -> {
                    settle(reply, null);
                    finish(timer, "ok");
                }, failure -> {
                    settle(reply, failure);
                    finish(timer, "failed");
                });
            } else {
                // Deferred: the answer is an edit, and only once it is shown may others edit the
                // message (else "match found" could land first and be overwritten by it).
                event.getHook().editOriginal(MessageEditData.fromCreateData(answer)).queue(ok -> {
                    settle(reply, null);
                    finish(timer, "ok");
                }, failure -> {
                    settle(reply, failure);
                    finish(timer, "failed");
                });
            }
        });
    }

    /** Tells the edits waiting for {@code reply} that Discord shows the answer, or refused it. */
    private static void settle(ClickAnswers.@org.jspecify.annotations.Nullable Click reply, @org.jspecify.annotations.Nullable Throwable failure) {
        if (reply != null) {
            reply.replied(failure);
        }
    }

    /**
     * Acknowledges at once, then edits the deferred reply with what the desk answers; timed as
     * {@code flow} (acknowledge, ladder, discord).
     */
    private void deferReply(String flow, InteractionHook hook, Runnable acknowledge,
                            java.util.function.Supplier<MessageCreateData> work) {
        FlowTimer timer = flows.start(flow);
        acknowledge.run();
        timer.checkpoint("acknowledge");
        executor.execute(() -> send(timer, hook, work));
    }

    /** Acknowledges a component by editing its own message later; timed as {@code flow}. */
    private void deferEdit(String flow, GenericComponentInteractionCreateEvent event,
                           java.util.function.Supplier<MessageCreateData> work) {
        FlowTimer timer = flows.start(flow);
        event.deferEdit().queue();
        timer.checkpoint("acknowledge");
        InteractionHook hook = event.getHook();
        executor.execute(() -> send(timer, hook, work));
    }

    /**
     * Which of the player's match messages a component was clicked on: the one a writer knows
     * by that message id, else by its look: his "match found" (the
     * ephemeral searching response, edited; it becomes the whole match view once both have
     * confirmed), else the match message in his DM when it carries the result selects, else a
     * "match found" sent by DM (his token had expired).
     */
    private MessageWriters.Kind clickedKind(GenericComponentInteractionCreateEvent event, long match, long user) {
        // A message a writer made is that writer's, whatever it shows: a "match found" sent by DM
        // shows the match view once both have confirmed, result selects included.
        long clicked = event.getMessageIdLong();
        for (MessageWriters.Kind kind : MessageWriters.Kind.values()) {
            if (writers.channelMessage(new MessageWriters.Key(PlayerId.of(user), match, kind))
                    .filter(known -> known.messageId() == clicked).isPresent()) {
                return kind;
            }
        }
        if (event.getMessage().isEphemeral()) {
            return MessageWriters.Kind.MATCH_FOUND;
        }
        boolean details = !event.getMessage().getComponentTree()
                .findAll(net.dv8tion.jda.api.components.selections.StringSelectMenu.class).isEmpty();
        return details ? MessageWriters.Kind.MATCH_MESSAGE : MessageWriters.Kind.MATCH_FOUND;
    }

    /**
     * How that message looks now, read from the ladder when its writer starts a request: the
     * match view once both have confirmed; before, the DM's match message stays as it is and
     * "match found" shows who has confirmed.
     */
    private MessageWriters.Render<MessageCreateData> matchMessage(MessageWriters.Kind kind, long match, long user) {
        return kind == MessageWriters.Kind.MATCH_MESSAGE
                ? () -> desk.matchView(match, user).map(LadderMessages::matchDetails)
                : () -> desk.matchView(match, user).map(LadderMessages::matchDetails)
                        .or(() -> desk.matchFoundView(match, user).map(LadderMessages::matchFound));
    }

    /** A season-scoped answer; empty for the current season (the caller shows the usual view). */
    private static Optional<MessageCreateData> seasonAnswer(LadderDesk.SeasonStanding standing) {
        return switch (standing) {
            case LadderDesk.SeasonStanding.Current current -> Optional.empty();
            case LadderDesk.SeasonStanding.Board board -> Optional.of(StandingMessages.seasonLeaderboard(board.season(),
                    board.view()));
            case LadderDesk.SeasonStanding.Record record -> Optional.of(StandingMessages.seasonProfile(record.season(),
                    record.name(), record.races()));
            case LadderDesk.SeasonStanding.Refused refused -> Optional.of(text(refused.message()));
        };
    }

    /** How long /match waits for its new message before answering anyway. */
    private static final java.time.Duration RECALL_WAIT = java.time.Duration.ofSeconds(10);

    /**
     * {@code /match}: the player's open match (or his last) in a new DM message, rendered from
     * the ladder, that becomes that match's message for him from then on: its writer moves there
     * ({@link MessageWriters#moveToNewMessage}), so later changes go to it and the old copy is
     * never written again. Blocks (on the ladder, then at most {@link #RECALL_WAIT} for the new
     * message); returns the ephemeral answer.
     */
    private String recallMatch(long user) {
        return switch (desk.recallMatch(user)) {
            case LadderDesk.MatchRecall.Nothing nothing -> nothing.message();
            case LadderDesk.MatchRecall.Shown shown -> {
                MessageWriters.Kind kind = shown.started() ? MessageWriters.Kind.MATCH_MESSAGE
                        : MessageWriters.Kind.MATCH_FOUND;
                PlayerId player = PlayerId.of(user);
                MessageWriters.Key key = new MessageWriters.Key(player, shown.matchId(), kind);
                SendResult result;
                try {
                    result = writers.moveToNewMessage(key, matchMessage(kind, shown.matchId(), user))
                            .toCompletableFuture().get(RECALL_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    yield "Match #" + shown.matchId() + " is on its way to this chat as a new message.";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    yield "Match #" + shown.matchId() + " could not be shown again; please try /match again.";
                } catch (java.util.concurrent.ExecutionException e) {
                    yield "Match #" + shown.matchId() + " could not be shown again; please try /match again.";
                }
                Optional<MessageWriters.ChannelMessage> message = writers.channelMessage(key);
                boolean landed = result instanceof SendResult.Sent;
                if (!landed || message.isEmpty()) {
                    yield "Match #" + shown.matchId() + " could not be shown again"
                            + (landed ? " (it ended meanwhile)" : "") + "; please try /match again.";
                }
                contacts.rememberDmChannel(player, message.get().channelId());
                if (kind == MessageWriters.Kind.MATCH_MESSAGE) {
                    contacts.rememberDetailsMessage(player, shown.matchId(), message.get().channelId(),
                            message.get().messageId());
                }
                yield "Match #" + shown.matchId() + " is shown again below: that message is your match message from"
                        + " now on.";
            }
        };
    }

    /**
     * A click on a match message: runs {@code act} on the executor, then tells the message's
     * writer that it changed, giving it this click's token (an interaction route, exempt from the
     * global limit). The writer's first request with that token is the click's own answer
     * ({@code UPDATE_MESSAGE} carrying the message as it is when the answer leaves,
     * {@link ClickAnswers}): one request, and the player sees his click's effect at once. A click
     * not answered so within {@link #REPLY_BUDGET} (the ladder slow, the writer busy with an
     * earlier edit of the message), or whose change went another way (a click on an older copy,
     * nothing to change), is acknowledged with a deferred update (Discord allows 3 s).
     *
     * <p>What the ladder said, when it said anything (a refusal; {@code act} is empty when the
     * message's change says it all), comes as an ephemeral follow-up. The message is re-rendered
     * by its writer when the request leaves, so a slower edit booked earlier (an opponent's
     * report) can never land after this click's state and undo it. The flow ends when Discord has
     * answered the follow-up, or, without one, when the message's change has landed (what the
     * player waits for).
     */
    private void deferEditAndTell(String flow, GenericComponentInteractionCreateEvent event,
                                  java.util.function.Supplier<Optional<String>> act, long match, long user) {
        FlowTimer timer = flows.start(flow);
        ClickAnswers.Click answer = clicks.register(event);
        if (!answerWithMessage) {
            answer.acknowledgeIfUnanswered(); // nobody else will: a deferred update now
        }
        ScheduledFuture<?> deadline = REPLY_DEADLINES.schedule(answer::acknowledgeIfUnanswered,
                REPLY_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
        // Timed as ladder, then discord: the acknowledgement is (as a rule) the answer itself.
        InteractionHook hook = event.getHook();
        MessageWriters.Kind kind = clickedKind(event, match, user);
        MessageWriters.Interaction click = new MessageWriters.Interaction(event.getToken(),
                event.getTimeCreated().toInstant());
        executor.execute(() -> {
            Optional<String> said;
            try {
                said = act.get();
            } catch (RuntimeException e) {
                said = Optional.of(fault(e));
            }
            timer.checkpoint("ladder");
            MessageWriters.Key key = new MessageWriters.Key(PlayerId.of(user), match, kind);
            // A click on an older copy (the player asked /match since) changes the current message.
            CompletionStage<SendResult> shown;
            if (answerWithMessage) {
                shown = writers.changeFromClick(key, click, event.getMessageIdLong(), matchMessage(kind, match, user));
            } else {
                // The transport edits with the click's token at once: only after Discord took the deferral.
                shown = answer.acknowledged().handle((ok, failure) -> failure).thenCompose(failure -> failure == null
                        ? writers.changeFromClick(key, click, event.getMessageIdLong(), matchMessage(kind, match, user))
                        : writers.change(key, Optional.empty(), matchMessage(kind, match, user), false));
            }
            shown.whenComplete((result, failure) -> {
                // Landed or not, by whichever route: a click the change did not answer is acknowledged now.
                deadline.cancel(false);
                answer.acknowledgeIfUnanswered();
            });
            if (said.isPresent()) {
                // JDA holds a follow-up until the click is acknowledged.
                hook.sendMessage(said.get()).setEphemeral(true)
                        .queue(ok -> finish(timer, "ok"), failure -> finish(timer, "failed"));
            } else {
                shown.whenComplete((result, failure) -> finish(timer,
                        failure == null && result instanceof SendResult.Sent ? "ok" : "failed"));
            }
        });
    }

    private static void send(FlowTimer timer, InteractionHook hook, java.util.function.Supplier<MessageCreateData> work) {
        MessageCreateData answer = answer(work);
        timer.checkpoint("ladder");
        hook.editOriginal(MessageEditData.fromCreateData(answer)).queue(ok -> finish(timer, "ok"),
                failure -> finish(timer, "failed"));
    }

    /** The flow ends when Discord has answered the last call. */
    private static void finish(FlowTimer timer, String outcome) {
        timer.checkpoint("discord");
        timer.finish(outcome);
    }

    private static MessageCreateData answer(java.util.function.Supplier<MessageCreateData> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return text(fault(e));
        }
    }

    /** What a player is told when the desk failed: the database is down, or a generic fault. Logged. */
    static String fault(RuntimeException e) {
        if (dev.matchwave.matchmaking.ladder.StoreException.isUnavailable(e)) {
            LOG.warn("interaction answered 'database unavailable': {}", e.getMessage());
            return UNAVAILABLE;
        }
        LOG.error("interaction failed", e);
        return FAULT;
    }

    private static MessageCreateData terms(long user) {
        return new MessageCreateBuilder()
                .setContent("**Terms of service**: play fair, report results honestly, be polite. Admins may adjust"
                        + " ratings, resolve disputes and ban players who break these rules.")
                .setComponents(ActionRow.of(Button.success(
                        CustomId.forPlayer(ComponentAction.ACCEPT_TERMS, user).encode(), "I accept")))
                .build();
    }

    private static MessageCreateData text(String content) {
        return new MessageCreateBuilder().setContent(content).build();
    }

}
