package dev.matchwave.discord.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What the router reads from {@code /admin} options, and which messages {@code /prune} deletes. */
class CommandInputsTest {

    static final long BOT = 999L;
    static final long ALICE = 111_111_111_111L;
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static AdminRequest.Options options(Map<String, Object> values) {
        return new AdminRequest.Options() {
            @Override
            public Optional<String> string(String name) {
                return Optional.ofNullable(values.get(name)).map(Object::toString);
            }

            @Override
            public OptionalLong number(String name) {
                Object value = values.get(name);
                return value == null ? OptionalLong.empty() : OptionalLong.of(((Number) value).longValue());
            }
        };
    }

    @Test
    void adminSubcommandsAreReadWithTheirOptions() {
        assertThat(AdminRequest.read(Optional.empty(), "snapshot", options(Map.of())))
                .isEqualTo(new AdminRequest.Snapshot());
        assertThat(AdminRequest.read(Optional.empty(), "resolve",
                options(Map.of("match_id", 17L, "result", -1L, "reason", " no show "))))
                .isEqualTo(new AdminRequest.Resolve(17, -1, "no show"));
        assertThat(AdminRequest.read(Optional.of("adjust_mmr"), "subtract",
                options(Map.of("user", ALICE, "race", "bw_zerg", "value", 50L, "reason", "smurf"))))
                .isEqualTo(new AdminRequest.AdjustMmr(ALICE, "subtract", "bw_zerg", 50, "smurf"));
        assertThat(AdminRequest.read(Optional.empty(), "reset_aborts", options(Map.of("user", ALICE, "reason", "oops"))))
                .isEqualTo(new AdminRequest.ResetAborts(ALICE, "oops", OptionalInt.empty()));
        assertThat(AdminRequest.read(Optional.empty(), "reset_aborts",
                options(Map.of("user", ALICE, "reason", "oops", "aborts", 1L))))
                .isEqualTo(new AdminRequest.ResetAborts(ALICE, "oops", OptionalInt.of(1)));
        assertThat(AdminRequest.read(Optional.empty(), "clear_queue", options(Map.of("reason", "maintenance"))))
                .isEqualTo(new AdminRequest.ClearQueue("maintenance"));
        assertThat(AdminRequest.read(Optional.empty(), "lift_cooldown", options(Map.of("user", ALICE, "reason", " ok "))))
                .isEqualTo(new AdminRequest.LiftCooldown(ALICE, "ok"));
        assertThat(AdminRequest.read(Optional.empty(), "new_season",
                options(Map.of("reset", "toward", "fraction_percent", 50L, "reason", "calendar"))))
                .isEqualTo(new AdminRequest.NewSeason("toward", OptionalInt.of(50), "calendar", Optional.empty()));
        assertThat(AdminRequest.read(Optional.empty(), "new_season",
                options(Map.of("reset", "initial", "reason", "x", "starts_at", " 2027-01-01T00:00:00Z "))))
                .isEqualTo(new AdminRequest.NewSeason("initial", OptionalInt.empty(), "x",
                        Optional.of("2027-01-01T00:00:00Z")));
        assertThat(AdminRequest.read(Optional.empty(), "new_season",
                options(Map.of("reset", "carry", "reason", "x", "maps", " Polypoid, Eclipse "))))
                .isEqualTo(new AdminRequest.NewSeason("carry", OptionalInt.empty(), "x", Optional.empty(),
                        Optional.of("Polypoid, Eclipse")));
    }

    @Test
    void everyAdminSubcommandOfTheDefinitionsCanBeRead() {
        var admin = dev.matchwave.discord.command.SlashCommands.definitions(
                        dev.matchwave.discord.command.CommandVocabulary.reference()).stream()
                .filter(c -> c.getName().equals(dev.matchwave.discord.command.SlashCommands.ADMIN)).findFirst().orElseThrow();
        int read = 0;
        for (var sub : admin.getSubcommands()) {
            assertThat(AdminRequest.read(Optional.empty(), sub.getName(), options(filled(sub)))).isNotNull();
            read++;
        }
        for (var group : admin.getSubcommandGroups()) {
            for (var sub : group.getSubcommands()) {
                assertThat(AdminRequest.read(Optional.of(group.getName()), sub.getName(), options(filled(sub))))
                        .isInstanceOf(AdminRequest.AdjustMmr.class);
                read++;
            }
        }
        assertThat(read).isEqualTo(14);
    }

    /** Every option of a subcommand with a value of its type. */
    private static Map<String, Object> filled(net.dv8tion.jda.api.interactions.commands.build.SubcommandData sub) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (var option : sub.getOptions()) {
            values.put(option.getName(), switch (option.getType()) {
                case STRING -> "text";
                default -> 1L;
            });
        }
        return values;
    }

    @Test
    void aMissingOptionOrAnUnknownSubcommandIsNamed() {
        assertThatThrownBy(() -> AdminRequest.read(Optional.empty(), "ban", options(Map.of("user", ALICE))))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> AdminRequest.read(Optional.empty(), "explode", options(Map.of())))
                .hasMessageContaining("explode");
    }

    @Test
    void pruneDeletesOnlyTheBotsOwnMessagesOlderThanThreeHours() {
        List<Prune.Sent> history = List.of(
                new Prune.Sent(1, BOT, NOW.minus(Duration.ofHours(5))),
                new Prune.Sent(2, ALICE, NOW.minus(Duration.ofHours(5))),
                new Prune.Sent(3, BOT, NOW.minus(Duration.ofHours(3))),
                new Prune.Sent(4, BOT, NOW.minus(Duration.ofHours(3)).minusSeconds(1)),
                new Prune.Sent(5, BOT, NOW.minus(Duration.ofMinutes(10))));
        assertThat(Prune.toDelete(history, BOT, NOW)).containsExactly(1L, 4L);
        assertThat(Prune.toDelete(List.of(), BOT, NOW)).isEmpty();
        assertThat(Prune.answer(0)).contains("Nothing to delete");
        assertThat(Prune.answer(2)).contains("Deleted 2 messages");
    }
}
