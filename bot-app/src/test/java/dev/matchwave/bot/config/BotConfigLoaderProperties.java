package dev.matchwave.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BotConfigLoaderProperties {

    private final BotConfigLoader loader = new BotConfigLoader();

    /** Whatever a user types, he gets a config or one line per problem that names the setting. */
    @Property(tries = 500)
    void anyValueLoadsOrIsNamedOnOneLine(@ForAll Setting setting, @ForAll("values") String value) {
        try {
            loader.load(List.of(), Map.of(setting.environmentVariable(), value));
        } catch (ConfigException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(line -> {
                assertThat(line).doesNotContain("\n", "\r").contains(setting.environmentVariable());
                if (setting.secret() && value.strip().length() >= 6) {
                    assertThat(line).doesNotContain(value.strip());
                }
            });
        }
    }

    @Property(tries = 200)
    void adminIdListsRoundTrip(@ForAll("ids") List<Long> ids) {
        String text = String.join(" , ", ids.stream().map(String::valueOf).toList());
        BotConfig config = loader.load(List.of(), Map.of("MATCHWAVE_ADMIN_IDS", text));
        assertThat(config.adminIds()).containsExactlyInAnyOrderElementsOf(ids.stream().distinct().toList());
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withChars("0123456789,-. \n").ofMaxLength(25),
                Arbitraries.of("off", "0", "45", "http://x/", "ws://x/", "jdbc:postgresql://h/db", "Bot abc", "evoladder"));
    }

    @Provide
    Arbitrary<List<Long>> ids() {
        return Arbitraries.longs().between(1, Long.MAX_VALUE).list().ofMinSize(1).ofMaxSize(6);
    }
}
