package dev.matchwave.discord.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomIdTest {

    @Test
    void encodesActionMatchAndPlayer() {
        assertThat(CustomId.forMatch(ComponentAction.CONFIRM, 1042, 123456789012345678L).encode())
                .isEqualTo("mw1:conf:1042:123456789012345678");
        assertThat(CustomId.forPlayer(ComponentAction.CANCEL, 42).encode()).isEqualTo("mw1:cancel:-:42");
        assertThat(CustomId.forPlayer(ComponentAction.LEADERBOARD_PAGE, 42).withArgument("p=3;c=DE;b=1").encode())
                .isEqualTo("mw1:lb:-:42:p=3;c=DE;b=1");
    }

    @Test
    void parsesWhatItEncodes() {
        CustomId id = CustomId.parse("mw1:rep:7:99");
        assertThat(id.action()).isEqualTo(ComponentAction.REPORT);
        assertThat(id.matchId()).hasValue(7);
        assertThat(id.playerId()).isEqualTo(99);
        assertThat(id.argument()).isEmpty();
        assertThat(CustomId.parse("mw1:lb:-:42:p=3").argument()).isEqualTo("p=3");
    }

    @Test
    void actionCodesAreUniqueAndShort() {
        Set<String> codes = Arrays.stream(ComponentAction.values()).map(ComponentAction::code).collect(Collectors.toSet());
        assertThat(codes).hasSize(ComponentAction.values().length);
        assertThat(codes).allSatisfy(code -> assertThat(code).matches("[a-z0-9]{1,8}"));
    }

    @Test
    void theLongestIdFitsDiscordsLimit() {
        CustomId longest = new CustomId(ComponentAction.ABORT_CONFIRM, OptionalLong.of(Long.MAX_VALUE), Long.MAX_VALUE,
                "x".repeat(CustomId.MAX_ARGUMENT_LENGTH));
        assertThat(longest.encode().length()).isLessThanOrEqualTo(CustomId.MAX_LENGTH);
        assertThat(CustomId.parse(longest.encode())).isEqualTo(longest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "join", "queue:join", "mwx:join:-:1", "MW1:join:-:1", "mw:join:-:1"})
    void foreignIds(String text) {
        assertThatThrownBy(() -> CustomId.parse(text))
                .isInstanceOfSatisfying(CustomIdException.class,
                        e -> assertThat(e.problem()).isEqualTo(CustomIdException.Problem.FOREIGN))
                .hasMessageStartingWith("not a matchwave custom id");
        assertThat(CustomId.isOurs(text)).isFalse();
    }

    @Test
    void staleVersions() {
        assertThatThrownBy(() -> CustomId.parse("mw0:join:-:1"))
                .isInstanceOfSatisfying(CustomIdException.class, e -> {
                    assertThat(e.problem()).isEqualTo(CustomIdException.Problem.STALE);
                    assertThat(e.userMessage()).contains("older version", "run the command again");
                })
                .hasMessage("custom id 'mw0:join:-:1' has version 0, this bot reads version 1");
        assertThatThrownBy(() -> CustomId.parse("mw2:whatever"))
                .isInstanceOfSatisfying(CustomIdException.class,
                        e -> assertThat(e.problem()).isEqualTo(CustomIdException.Problem.STALE));
        assertThatThrownBy(() -> CustomId.parse("mw1:gone:-:1"))
                .isInstanceOfSatisfying(CustomIdException.class,
                        e -> assertThat(e.problem()).isEqualTo(CustomIdException.Problem.STALE))
                .hasMessage("custom id 'mw1:gone:-:1' has an unknown action 'gone'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "mw1:join",                   // too few parts
            "mw1:join:-:1:a:b",           // too many
            "mw1:join:-:",                // no player
            "mw1:join:-:0",               // player 0
            "mw1:join:-:-5",              // negative
            "mw1:join:-:99999999999999999999", // too large
            "mw1:join:5:1",               // a queue action with a match
            "mw1:conf:-:1",               // a match action without one
            "mw1:conf:0:1",               // match 0
            "mw1:conf:x:1",               // not a number
            "mw1:join:-:1:",              // empty argument
            "mw1:join:-:1:has space",     // bad argument characters
    })
    void malformedIds(String text) {
        assertThatThrownBy(() -> CustomId.parse(text))
                .isInstanceOfSatisfying(CustomIdException.class, e -> {
                    assertThat(e.problem()).isEqualTo(CustomIdException.Problem.MALFORMED);
                    assertThat(e.userMessage()).isEqualTo("This button cannot be used: run the command again.");
                })
                .hasMessageStartingWith("custom id '" + text + "': ");
    }

    @Test
    void malformedMessagesSayWhy() {
        assertThatThrownBy(() -> CustomId.parse("mw1:conf:-:1"))
                .hasMessage("custom id 'mw1:conf:-:1': action CONFIRM needs a match id");
        assertThatThrownBy(() -> CustomId.parse("mw1:join:-:abc"))
                .hasMessage("custom id 'mw1:join:-:abc': player id 'abc' is not a positive number");
        assertThatThrownBy(() -> CustomId.parse("mw1:join:-:1:" + "x".repeat(120)))
                .hasMessageContaining("longer than 100 characters");
    }

    @Test
    void recordsAreChecked() {
        assertThatThrownBy(() -> CustomId.forPlayer(ComponentAction.JOIN, 0))
                .hasMessage("playerId must be a positive Discord id, got 0");
        assertThatThrownBy(() -> CustomId.forPlayer(ComponentAction.JOIN, 1).withArgument("a:b"))
                .hasMessageContaining("argument must be at most 40 characters");
    }
}
