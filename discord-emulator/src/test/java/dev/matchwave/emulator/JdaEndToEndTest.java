package dev.matchwave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.emulator.recording.RequestRecord;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.TestInstance;

/**
 * The real, unmodified JDA against the emulator: login, commands, every kind of interaction and
 * answer, direct messages, the gateway's resume, an unknown route. One emulator and one JDA for
 * the class (a login takes a second or two); each test has its own users.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private DiscordEmulator discord;
    private EmulatedBot bot;
    private final TestBot listener = new TestBot();

    @BeforeAll
    void start() throws InterruptedException {
        JdaErrors.install();
        discord = DiscordEmulator.start(EmulatorConfig.builder().channelNames(List.of("general", "ladder")).build());
        bot = EmulatedBot.connect(discord, listener);
        JDA jda = bot.jda();
        jda.updateCommands().addCommands(TestBot.globalCommands()).complete();
        Guild guild = jda.getGuildById(discord.guild().id());
        guild.updateCommands().addCommands(TestBot.guildCommands()).complete();
    }

    @AfterAll
    void stop() {
        bot.close();
        discord.close();
    }

    @AfterEach
    void noFailureOnJdasSide() {
        assertThat(listener.failures).isEmpty();
        assertThat(JdaErrors.drain()).as("errors JDA logged").isEmpty();
    }

    @Test
    void jdaLogsInAndSeesTheGuildAndItself() {
        JDA jda = bot.jda();
        assertThat(jda.getStatus()).isEqualTo(JDA.Status.CONNECTED);
        assertThat(discord.botConnected()).isTrue();
        assertThat(jda.getSelfUser().getIdLong()).isEqualTo(discord.botUserId());
        assertThat(jda.getSelfUser().getApplicationIdLong()).isEqualTo(discord.applicationId());
        Guild guild = jda.getGuildById(discord.guild().id());
        assertThat(guild.getName()).isEqualTo("Emulated Guild");
        assertThat(guild.getTextChannels()).extracting(c -> c.getName()).containsExactly("general", "ladder");
        assertThat(guild.getSelfMember().hasPermission(net.dv8tion.jda.api.Permission.MESSAGE_SEND)).isTrue();
        // What JDA calls while it starts: only GET /users/@me (the gateway URL comes from the session controller).
        assertThat(discord.recording().requests()).first().extracting(RequestRecord::route).isEqualTo("GET /users/@me");
    }

    @Test
    void commandsAreRegisteredGloballyAndInTheGuild() {
        assertThat(discord.commands()).filteredOn(c -> c.guildId().isEmpty()).extracting(RegisteredCommand::name)
                .contains("ping", "hello", "admin");
        assertThat(discord.commands()).filteredOn(c -> c.guildId().isPresent()).extracting(RegisteredCommand::name)
                .containsExactly("where");
        assertThat(discord.recording().requests()).extracting(RequestRecord::route).contains(
                "PUT /applications/{application_id}/commands",
                "PUT /applications/{application_id}/guilds/{guild_id}/commands");
        // Registering again keeps the ids, as Discord does.
        long id = discord.commands().stream().filter(c -> c.name().equals("ping")).findFirst().orElseThrow().id();
        bot.jda().updateCommands().addCommands(TestBot.globalCommands()).complete();
        assertThat(discord.commands().stream().filter(c -> c.name().equals("ping")).findFirst().orElseThrow().id())
                .isEqualTo(id);
    }

    @Test
    void anEphemeralReplyIsSeenOnlyInTheInteraction() {
        EmulatedUser alice = discord.addUser("alice");
        UserInteraction ping = alice.runCommand("ping");
        SeenMessage reply = ping.awaitResponse(WAIT);
        assertThat(reply.content()).isEqualTo("pong");
        assertThat(reply.ephemeral()).isTrue();
        assertThat(ping.callbackType()).hasValue(4);
        assertThat(alice.directMessages()).isEmpty();
        assertThat(alice.messages()).contains(reply);
        assertThat(listener.seen).contains("/ping by alice");
    }

    @Test
    void aPublicReplyGoesToTheChannelAndAButtonPressEditsIt() {
        EmulatedUser bob = discord.addUser("bob");
        SeenMessage hello = bob.runCommand("hello").awaitResponse(WAIT);
        assertThat(hello.ephemeral()).isFalse();
        assertThat(hello.content()).isEqualTo("hello bob");
        assertThat(hello.buttons()).extracting(SeenComponent.Button::label).containsExactly("Wave", "Bye", "Docs");
        assertThat(bob.directMessages()).extracting(SeenMessage::id).containsExactly(hello.id());

        UserInteraction wave = bob.press(hello, "Wave");
        SeenMessage waved = wave.awaitResponse(m -> m.revision() == 1, WAIT);
        assertThat(wave.callbackType()).hasValue(7);
        assertThat(waved.id()).isEqualTo(hello.id());
        assertThat(waved.content()).isEqualTo("waved by bob");
        assertThat(waved.components()).isEmpty();
        assertThat(bob.message(hello.id()).content()).isEqualTo("waved by bob");
        assertThat(bob.messageEvents()).filteredOn(e -> e.message().channelId() == bob.directMessageChannelId())
                .extracting(e -> e.kind() + " " + e.message().content())
                .containsExactly("CREATED hello bob", "EDITED waved by bob");
        assertThat(wave.acknowledgedAt()).get().satisfies(at -> assertThat(at).isAfterOrEqualTo(wave.createdAt()));
        // A link button sends the bot nothing, and a button no longer there cannot be pressed.
        assertThatThrownBy(() -> bob.press(hello, "Bye")).hasMessageContaining("has no button 'Bye'");
    }

    @Test
    void aDeferredUpdateThenAnEditOfTheOriginal() {
        EmulatedUser carol = discord.addUser("carol");
        SeenMessage hello = carol.runCommand("hello").awaitResponse(WAIT);
        assertThatThrownBy(() -> carol.press(hello, "Docs")).hasMessageContaining("link button");
        UserInteraction bye = carol.press(hello, "Bye");
        SeenMessage edited = bye.awaitResponse(m -> m.content().startsWith("bye"), WAIT);
        assertThat(bye.callbackType()).hasValue(6);
        assertThat(edited.id()).isEqualTo(hello.id());
        assertThat(edited.content()).isEqualTo("bye from carol");
        // The state changes while the request is handled; the recording follows before JDA has the answer.
        Poll.until("the PATCH in the recording", () -> discord.recording().requests().stream()
                .anyMatch(r -> r.route().equals("PATCH /webhooks/{application_id}/{interaction_token}/messages/{message_id}")),
                WAIT);
    }

    @Test
    void aSelectPickUpdatesTheEphemeralMessage() {
        EmulatedUser dave = discord.addUser("dave");
        SeenMessage pick = dave.runCommand("pick").awaitResponse(WAIT);
        assertThat(pick.select("Race")).get().satisfies(s -> assertThat(s.options()).hasSize(3));
        assertThatThrownBy(() -> dave.select(pick, "race", List.of("zerg", "terran", "protoss")))
                .hasMessageContaining("takes 1 to 2 values");
        assertThatThrownBy(() -> dave.select(pick, "race", List.of("random"))).hasMessageContaining("no option 'random'");
        UserInteraction picked = dave.select(pick, "race", List.of("Zerg", "protoss"));
        assertThat(picked.awaitResponse(m -> m.revision() == 1, WAIT).content()).isEqualTo("picked zerg,protoss");
        assertThat(listener.seen).contains("select [zerg, protoss]");
    }

    @Test
    void aModalIsOpenedAndSubmitted() {
        EmulatedUser erin = discord.addUser("erin");
        UserInteraction setup = erin.runCommand("setup");
        SeenModal modal = setup.awaitModal(WAIT);
        assertThat(setup.callbackType()).hasValue(9);
        assertThat(modal.title()).isEqualTo("Setup");
        assertThat(modal.inputs()).extracting(SeenComponent.TextInput::label).containsExactly("BattleTag", "About you");
        assertThat(modal.selects()).singleElement().satisfies(select -> {
            assertThat(select.customId()).isEqualTo("region");
            assertThat(select.options()).extracting(SeenComponent.Option::value).containsExactly("EUW", "KRJ");
        });
        assertThatThrownBy(() -> erin.submitModal(modal, Map.of("about", "hi", "region", "EUW")))
                .hasMessageContaining("is required");
        assertThatThrownBy(() -> erin.submitModal(modal, Map.of("BattleTag", "Erin#1234")))
                .hasMessageContaining("select 'region' takes 1 to 1 values, got 0");
        assertThatThrownBy(() -> erin.submitModal(modal, Map.of("BattleTag", "Erin#1234", "region", "MARS")))
                .hasMessageContaining("has no option 'MARS'");
        UserInteraction submitted = erin.submitModal(modal,
                Map.of("BattleTag", "Erin#1234", "about", "zerg main", "Region", "Korea, Japan"));
        assertThat(submitted.awaitResponse(WAIT).content()).isEqualTo("saved Erin#1234 / zerg main / KRJ");
    }

    @Test
    void aDeferredReplyIsEditedAndFollowedUp() {
        EmulatedUser frank = discord.addUser("frank");
        UserInteraction slow = frank.runCommand("slow");
        SeenMessage followup = slow.awaitFollowup(m -> m.content().equals("and a followup"), WAIT);
        assertThat(slow.callbackType()).hasValue(5);
        SeenMessage original = slow.response().orElseThrow();
        assertThat(original.loading()).isFalse();
        assertThat(original.content()).isEqualTo("done");
        assertThat(original.ephemeral()).isTrue();
        assertThat(followup.ephemeral()).isTrue();
    }

    @Test
    void theBotDirectMessagesAnEmbedWithComponents() {
        EmulatedUser grace = discord.addUser("grace");
        EmulatedUser heidi = discord.addUser("heidi");
        assertThat(grace.runCommand("notify", Map.of("user", heidi)).awaitResponse(WAIT).content()).isEqualTo("sent");
        SeenMessage dm = heidi.awaitDirectMessage(m -> m.shows("Match found"), WAIT);
        SeenEmbed embed = dm.embeds().get(0);
        assertThat(embed.title()).hasValue("Match found");
        assertThat(embed.description()).hasValue("You play grace");
        assertThat(embed.field("Map")).get().extracting(SeenEmbed.Field::value).isEqualTo("Alcyone");
        assertThat(embed.color()).hasValue(0x00FF00);
        assertThat(dm.buttons()).extracting(SeenComponent.Button::label).containsExactly("Confirm", "Abort");
        assertThat(grace.directMessages()).isEmpty();
        // The DM's buttons work too.
        assertThat(heidi.press(dm, "Confirm").awaitResponse(WAIT).content()).isEqualTo("confirmed");
        Poll.until("the DM requests in the recording", () -> discord.recording().requests().stream()
                .map(RequestRecord::route).toList()
                .containsAll(List.of("POST /users/@me/channels", "POST /channels/{channel_id}/messages")), WAIT);
    }

    @Test
    void channelMessagesAreEditedReadBackAndDeleted() {
        EmulatedUser tina = discord.addUser("tina");
        net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel channel =
                bot.jda().openPrivateChannelById(tina.id()).complete();
        net.dv8tion.jda.api.entities.Message first = channel.sendMessage("searching...").complete();
        channel.sendMessage("second").complete();
        channel.editMessageById(first.getIdLong(), "match found").complete();
        SeenMessage edited = tina.awaitDirectMessage(m -> m.id() == first.getIdLong() && m.revision() == 1, WAIT);
        assertThat(edited.content()).isEqualTo("match found");
        assertThat(edited.editedAt()).isPresent();
        List<net.dv8tion.jda.api.entities.Message> history = channel.getHistory().retrievePast(10).complete();
        assertThat(history).extracting(net.dv8tion.jda.api.entities.Message::getContentRaw)
                .containsExactly("second", "match found");
        assertThat(channel.retrieveMessageById(first.getIdLong()).complete().getContentRaw()).isEqualTo("match found");
        channel.deleteMessageById(first.getIdLong()).complete();
        assertThat(tina.directMessages()).extracting(SeenMessage::content).containsExactly("second");
        assertThatThrownBy(() -> channel.retrieveMessageById(first.getIdLong()).complete())
                .isInstanceOf(ErrorResponseException.class).hasMessageContaining("10008");
        assertThat(channel.getHistory().retrievePast(10).complete()).hasSize(1);
    }

    @Test
    void aClosedDmAnswers403() {
        EmulatedUser ivan = discord.addUser("ivan");
        EmulatedUser judy = discord.addUser("judy");
        judy.refuseDirectMessages(true);
        assertThat(ivan.runCommand("notify", Map.of("user", judy)).awaitResponse(WAIT).content())
                .startsWith("could not DM: 50007");
        listener.failures.clear();
    }

    @Test
    void optionsAreTypedAndCheckedAsTheClientDoes() {
        EmulatedUser kim = discord.addUser("kim");
        assertThat(kim.runCommand("rate", Map.of("value", 7, "race", "zerg")).awaitResponse(WAIT).content())
                .isEqualTo("rated 7 zerg");
        assertThat(kim.runCommand("admin resolve", Map.of("match_id", 42L)).awaitResponse(WAIT).content())
                .isEqualTo("resolved 42 via resolve");
        assertThatThrownBy(() -> kim.runCommand("rate", Map.of("value", 11))).hasMessageContaining("at most 10");
        assertThatThrownBy(() -> kim.runCommand("rate", Map.of("value", 1, "race", "protoss")))
                .hasMessageContaining("takes one of [zerg, terran]");
        assertThatThrownBy(() -> kim.runCommand("rate", Map.of())).hasMessageContaining("needs option 'value'");
        assertThatThrownBy(() -> kim.runCommand("admin")).hasMessageContaining("needs a subcommand: one of [resolve]");
        assertThatThrownBy(() -> kim.runCommand("nope")).hasMessageContaining("no command /nope is registered");
        assertThatThrownBy(() -> kim.runCommand("serveronly")).hasMessageContaining("not offered in the bot's DMs");
    }

    @Test
    void autocompleteChoicesComeBack() {
        EmulatedUser lena = discord.addUser("lena");
        UserInteraction typing = lena.autocomplete("rate", Map.of("value", 1, "country", "f"), "country");
        assertThat(typing.awaitChoices(WAIT)).containsExactly("france", "finland");
        assertThat(typing.callbackType()).hasValue(8);
    }

    @Test
    void aGuildCommandRunsInAChannelWithMemberAndGuild() {
        EmulatedUser mike = discord.addUser("mike");
        EmulatedChannel ladder = discord.guild().channel("ladder");
        SeenMessage reply = mike.runCommandIn(ladder, "where", Map.of()).awaitResponse(WAIT);
        assertThat(reply.content()).isEqualTo("in Emulated Guild #ladder as mike");
        assertThat(discord.channelMessages(ladder)).extracting(SeenMessage::id).contains(reply.id());
        EmulatedUser nina = discord.addUser("nina");
        assertThat(nina.messages()).extracting(SeenMessage::id).contains(reply.id());
        assertThatThrownBy(() -> mike.runCommand("where")).hasMessageContaining("no command /where");
    }

    @Test
    void interactionIdsCarryTheEmulatorsTime() {
        EmulatedUser olga = discord.addUser("olga");
        UserInteraction ping = olga.runCommand("ping");
        ping.awaitResponse(WAIT);
        assertThat(listener.created.get(Long.toString(ping.id())).toInstant())
                .isEqualTo(Snowflakes.instantOf(ping.id()))
                .isEqualTo(ping.createdAt());
    }

    @Test
    void theBotResumesAfterReconnectAndDroppedConnection() {
        EmulatedUser paul = discord.addUser("paul");
        discord.requestReconnect();
        assertThat(paul.runCommand("ping").awaitResponse(WAIT).content()).isEqualTo("pong");
        discord.dropConnection();
        // Sent while the bot may be away: replayed on RESUME.
        UserInteraction during = paul.runCommand("ping");
        assertThat(during.awaitResponse(WAIT).content()).isEqualTo("pong");
        discord.awaitBotConnected(WAIT);
        Poll.until("JDA to be connected", () -> bot.jda().getStatus() == JDA.Status.CONNECTED, WAIT);
    }

    @Test
    void anInvalidatedSessionIdentifiesAgain() {
        EmulatedUser quinn = discord.addUser("quinn");
        discord.invalidateSession();
        Poll.until("JDA to log in again", () -> discord.botConnected() && bot.jda().getStatus() == JDA.Status.CONNECTED,
                Duration.ofSeconds(20));
        assertThat(quinn.runCommand("ping").awaitResponse(WAIT).content()).isEqualTo("pong");
    }

    @Test
    void aForgedClickReachesTheBotUnchecked() {
        EmulatedUser rita = discord.addUser("rita");
        EmulatedUser sam = discord.addUser("sam");
        SeenMessage ritas = rita.runCommand("hello").awaitResponse(WAIT);
        // Sam cannot see Rita's DM, so a Discord client cannot click there ...
        assertThatThrownBy(() -> sam.press(ritas, "Wave")).hasMessageContaining("sam cannot see message");
        // ... but a forged interaction gets through, and the bot must cope.
        UserInteraction forged = sam.sendComponentInteraction(ritas, "mw1:conf:7:123", 2, List.of());
        assertThat(forged.awaitResponse(WAIT).content()).isEqualTo("stale button");
        assertThat(listener.seen).contains("button mw1:conf:7:123 by sam");
    }

    @Test
    void manyUsersAtOnce() throws Exception {
        List<EmulatedUser> crowd = java.util.stream.IntStream.range(0, 100).mapToObj(i -> discord.addUser("crowd" + i))
                .toList();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<UserInteraction>> sent = crowd.stream()
                    .map(u -> threads.submit(() -> u.runCommand("ping"))).toList();
            for (java.util.concurrent.Future<UserInteraction> interaction : sent) {
                assertThat(interaction.get().awaitResponse(WAIT).content()).isEqualTo("pong");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anUnknownRouteAnswers404AndIsRecorded() {
        Guild guild = bot.jda().getGuildById(discord.guild().id());
        long before = discord.recording().figures().unknownRoutes();
        assertThatThrownBy(() -> guild.retrieveBanList().complete())
                .isInstanceOf(ErrorResponseException.class)
                .satisfies(e -> assertThat(((ErrorResponseException) e).getErrorCode()).isEqualTo(0))
                .hasMessageContaining("404: Not Found");
        assertThat(discord.recording().figures().unknownRoutes()).isEqualTo(before + 1);
        assertThat(discord.recording().requests(r -> !r.known())).last().satisfies(r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.route()).startsWith("GET /guilds/" + guild.getId() + "/bans");
        });
    }
}
