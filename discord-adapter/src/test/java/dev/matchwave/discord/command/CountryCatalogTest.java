package dev.matchwave.discord.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.discord.command.CountryCatalog.Country;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.junit.jupiter.api.Test;

class CountryCatalogTest {

    private final CountryCatalog iso = CountryCatalog.iso();

    @Test
    void everyIsoCountryAndOther() {
        assertThat(iso.size()).isGreaterThan(240);
        assertThat(iso.byCode("de")).hasValue(new Country("DE", "Germany"));
        assertThat(iso.byCode("ZZ")).hasValue(CountryCatalog.OTHER);
        assertThat(iso.byCode("XX")).isEmpty();
    }

    @Test
    void suggestionsPutTheExactCodeFirstThenNamePrefixesThenTheRest() {
        List<Country> suggestions = iso.suggest("ger", 25);
        assertThat(suggestions.get(0).code()).isEqualTo("DE");
        assertThat(suggestions).extracting(Country::code).contains("DE").doesNotContain("FR");

        CountryCatalog small = CountryCatalog.of(List.of(new Country("KR", "South Korea"),
                new Country("KE", "Kenya"), new Country("KY", "Cayman Islands"), new Country("US", "United States")));
        assertThat(small.suggest("ke", 25)).extracting(Country::code).containsExactly("KE");
        assertThat(small.suggest("k", 25)).extracting(Country::code).containsExactly("KE", "KY", "KR");
        assertThat(small.suggest("kr", 25)).extracting(Country::code).containsExactly("KR");
        assertThat(small.suggest("a", 2)).hasSize(2);
        assertThat(small.suggest("", 25)).extracting(Country::name)
                .containsExactly("Cayman Islands", "Kenya", "South Korea", "United States");
    }

    @Test
    void autocompleteGivesAtMost25Choices() {
        List<Command.Choice> choices = iso.autocomplete("");
        assertThat(choices).hasSize(25);
        assertThat(iso.autocomplete("germany")).extracting(Command.Choice::getName).containsExactly("Germany (DE)");
        assertThat(iso.autocomplete("germany")).extracting(Command.Choice::getAsString).containsExactly("DE");
        assertThat(iso.autocomplete("qqqq")).isEmpty();
    }

    @Test
    void whatAPlayerTypedHimself() {
        assertThat(iso.resolve(" fr ")).map(Country::code).hasValue("FR");
        assertThat(iso.resolve("france")).map(Country::code).hasValue("FR");
        assertThat(iso.resolve("France (FR)")).map(Country::code).hasValue("FR");
        assertThat(iso.resolve("other")).hasValue(CountryCatalog.OTHER);
        assertThat(iso.resolve("Atlantis")).isEmpty();
    }
}
