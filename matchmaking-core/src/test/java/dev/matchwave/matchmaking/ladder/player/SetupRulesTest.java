package dev.matchwave.matchmaking.ladder.player;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SetupRulesTest {

    private static final SetupRules RULES = SetupRules.REFERENCE;

    private static ProfileForm form(String userId, String tag, List<String> alts, String country, String region) {
        return new ProfileForm(userId, tag, alts, country, region);
    }

    private static List<String> fields(Validation<?> validation) {
        assertThat(validation).isInstanceOf(Validation.Invalid.class);
        return ((Validation.Invalid<?>) validation).problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void aValidFormIsTrimmedAndItsCodesUpperCased() {
        Validation<PlayerProfile> result = RULES.validate(form(" Flash ", "Flash#1234", List.of("Lee", " ", "Young"),
                "kr", "krj"));

        assertThat(result).isEqualTo(new Validation.Valid<>(new PlayerProfile("Flash", "Flash#1234",
                List.of("Lee", "Young"), "KR", "KRJ")));
    }

    @Test
    void everyInvalidFieldGetsItsOwnMessage() {
        Validation<PlayerProfile> result = RULES.validate(form("ab", "NoNumber", List.of("a", "b", "c"), "XX",
                "EU"));

        assertThat(fields(result)).containsExactly("userId", "battleTag", "alternativeIds", "country", "homeRegion");
        List<FieldProblem> problems = ((Validation.Invalid<PlayerProfile>) result).problems();
        assertThat(problems.get(0).message()).contains("3 to 12 English letters").contains("\"ab\"");
        assertThat(problems.get(2).message()).isEqualTo("At most 2 alternative ids, got 3.");
        assertThat(problems.get(4).message()).contains("NAW, NAC, NAE").contains("FER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "ABCDEFGHIJKL", "Bisu"})
    void userIdsOfThreeToTwelveEnglishLettersPass(String userId) {
        assertThat(RULES.validate(form(userId, "A#123", List.of(), "ZZ", "EUW")).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "ABCDEFGHIJKLM", "Jae_dong", "Jaedong1", "Müller", "two words"})
    void otherUserIdsFail(String userId) {
        assertThat(fields(RULES.validate(form(userId, "A#123", List.of(), "ZZ", "EUW")))).containsExactly("userId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A#123", "Twelvechars1#123456789012", "Ünïcödé#4567", "x#000"})
    void battleTagsWithANameAndThreeToTwelveDigitsPass(String tag) {
        assertThat(RULES.validate(form("Stork", tag, List.of(), "DE", "EUW")).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"#1234", "Thirteenchars#1234", "Name#12", "Name#1234567890123", "Name1234", "Na me#1234",
            "Name#12a4", "Na#me#1234"})
    void otherBattleTagsFail(String tag) {
        assertThat(fields(RULES.validate(form("Stork", tag, List.of(), "DE", "EUW")))).containsExactly("battleTag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\t", "\u001B", "\u007F", "\u0085", "\u009F"})
    void aControlCharacterInAnyFieldIsRefusedNamingTheFieldAndTheCharacter(String control) {
        String code = String.format("U+%04X", (int) control.charAt(0));

        Validation<PlayerProfile> result = RULES.validate(form("Fla" + control + "sh", "Fl" + control + "#1234",
                List.of("Lee", "Yo" + control + "ung"), "K" + control + "R", "E" + control + "UW"));

        assertThat(fields(result)).containsExactly("userId", "battleTag", "alternativeIds", "country", "homeRegion");
        List<String> messages = ((Validation.Invalid<PlayerProfile>) result).problems().stream()
                .map(FieldProblem::message).toList();
        assertThat(messages).containsExactly(
                "User id contains a control character (" + code + " at position 4); type it without one.",
                "BattleTag contains a control character (" + code + " at position 3); type it without one.",
                "Alternative id 2 contains a control character (" + code + " at position 3); type it without one.",
                "Country contains a control character (" + code + " at position 2); type it without one.",
                "Home region contains a control character (" + code + " at position 2); type it without one.");
        assertThat(messages).noneMatch(message -> message.contains(control));
    }

    @Test
    void aNulInAFieldTheOtherRulesWouldAcceptIsStillRefused() {
        // The BattleTag pattern's name part accepts any character but '#' and spaces, NUL included,
        // and alternative ids have only a length limit: the database would refuse the byte.
        assertThat(fields(RULES.validate(form("Stork", "St\u0000rk#1234", List.of(), "DE", "EUW"))))
                .containsExactly("battleTag");
        assertThat(fields(RULES.validate(form("Stork", "Stork#1234", List.of("\u0000"), "DE", "EUW"))))
                .containsExactly("alternativeIds");
    }

    @Test
    void whitespaceControlCharactersAroundAFieldAreTrimmedAsBefore() {
        Validation<PlayerProfile> result = RULES.validate(form("\tFlash\n", "Flash#1234\r\n", List.of("\tLee"),
                "kr\n", "krj\t"));

        assertThat(result).isEqualTo(new Validation.Valid<>(new PlayerProfile("Flash", "Flash#1234",
                List.of("Lee"), "KR", "KRJ")));
    }

    @Test
    void countriesAreIsoCodesOrZzAndThereAreSixteenRegions() {
        assertThat(RULES.countries()).contains("DE", "KR", "US", "ZZ").doesNotContain("XX", "EU");
        assertThat(RULES.regions()).hasSize(16);
        assertThat(fields(RULES.validate(form("Stork", "S#123", List.of(), "Germany", "EUW"))))
                .containsExactly("country");
    }

    @Test
    void preferencesAllowOneRacePerSideAtLeastOneRaceAndFourVetoes() {
        assertThat(RULES.validatePreferences(new SavedPreferences(Set.of("bw_zerg", "sc2_protoss"),
                Set.of("a", "b", "c", "d"))).isValid()).isTrue();
        assertThat(RULES.validatePreferences(new SavedPreferences(Set.of("sc2_zerg"), Set.of())).isValid()).isTrue();

        assertThat(fields(RULES.validatePreferences(new SavedPreferences(Set.of(), Set.of())))).containsExactly("races");
        assertThat(fields(RULES.validatePreferences(new SavedPreferences(Set.of("bw_zerg", "bw_terran"),
                Set.of("a", "b", "c", "d", "e"))))).containsExactly("races", "vetoedMaps");
        assertThat(fields(RULES.validatePreferences(new SavedPreferences(Set.of("wc3_orc"), Set.of()))))
                .containsExactly("races");
        assertThat(RULES.sideOf("sc2_terran")).contains("sc2");
    }

    @Test
    void badRulesFailNamingTheOption() {
        assertThatThrownBy(() -> new SetupRules(RULES.userId(), RULES.userIdRule(), RULES.battleTag(), -1, 32,
                RULES.countries(), RULES.regions(), RULES.raceSides(), 1, 1, 4)).hasMessageContaining("maxAlternativeIds");
        assertThatThrownBy(() -> new SetupRules(RULES.userId(), RULES.userIdRule(), RULES.battleTag(), 2, 32,
                RULES.countries(), List.of("EUW", "EUW"), RULES.raceSides(), 1, 1, 4)).hasMessageContaining("regions");
    }
}
