package dev.matchwave.discord.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CustomIdProperties {

    @Property(tries = 500)
    void everyIdRoundTripsAndFits(@ForAll("ids") CustomId id) {
        String encoded = id.encode();
        assertThat(encoded.length()).isLessThanOrEqualTo(CustomId.MAX_LENGTH);
        assertThat(CustomId.isOurs(encoded)).isTrue();
        assertThat(CustomId.parse(encoded)).isEqualTo(id);
    }

    /** Whatever comes back from Discord: an id, or a CustomIdException; never anything else. */
    @Property(tries = 1000)
    void anyStringParsesOrIsRefusedCleanly(@ForAll("texts") String text) {
        try {
            CustomId id = CustomId.parse(text);
            assertThat(id.encode()).isEqualTo(text);
        } catch (CustomIdException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.userMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<CustomId> ids() {
        Arbitrary<ComponentAction> actions = Arbitraries.of(ComponentAction.class);
        Arbitrary<Long> positive = Arbitraries.longs().between(1, Long.MAX_VALUE);
        Arbitrary<String> arguments = Arbitraries.strings().withChars("abcXYZ0189_.,;=+-").ofMaxLength(40);
        return Combinators.combine(actions, positive, positive, arguments).as((action, match, player, argument) ->
                new CustomId(action, action.aboutAMatch() ? OptionalLong.of(match) : OptionalLong.empty(), player,
                        argument));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> parts = Arbitraries.oneOf(
                Arbitraries.of("mw1", "mw0", "mw2", "mw", "conf", "join", "lb", "-", "0", "1", "42", "", "x y"),
                Arbitraries.strings().ofMaxLength(8),
                Arbitraries.strings().numeric().ofMaxLength(21));
        return parts.list().ofMaxSize(7).map(list -> String.join(":", list));
    }
}
