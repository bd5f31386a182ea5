package dev.matchwave.discord.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.Command;

/**
 * The countries a player can pick (docs/reference-ladder.md: an ISO code, or ZZ for any other), with their English
 * names, for the {@code country} option's autocomplete and to check what a player typed.
 *
 * <p>Immutable and thread-safe. The names come from the JDK's locale data.
 */
public final class CountryCatalog {

    /** The reference ladder's code for any other country: ZZ (docs/reference-ladder.md). */
    public static final Country OTHER = new Country("ZZ", "Other");

    /** One country: ISO 3166-1 alpha-2 code and English name. */
    public record Country(String code, String name) {
        public Country {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            if (!code.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("country code must be two capital letters, got '" + code + "'");
            }
        }

        /** "Germany (DE)": what the player sees in the list. */
        public String label() {
            return name + " (" + code + ")";
        }
    }

    private static final CountryCatalog ISO = fromJdk();

    private final Map<String, Country> byCode;

    private CountryCatalog(List<Country> countries) {
        Map<String, Country> map = new LinkedHashMap<>();
        countries.stream().sorted(Comparator.comparing(Country::name)).forEach(c -> map.put(c.code(), c));
        this.byCode = Collections.unmodifiableMap(map);
    }

    /** Every ISO 3166-1 country the JDK knows, and {@link #OTHER}. */
    public static CountryCatalog iso() {
        return ISO;
    }

    /** Exactly these countries (tests, or a ladder that limits the list). */
    public static CountryCatalog of(List<Country> countries) {
        return new CountryCatalog(countries);
    }

    private static CountryCatalog fromJdk() {
        List<Country> countries = new ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
            countries.add(new Country(code, name.isBlank() ? code : name));
        }
        countries.add(OTHER);
        return new CountryCatalog(countries);
    }

    /** The country with this code (any case, surrounding blanks ignored), if listed. */
    public Optional<Country> byCode(String code) {
        return Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /**
     * What a player submitted in the {@code country} option: normally a code picked from the
     * suggestions, but he may also type a code or a full name himself and send it.
     */
    public Optional<Country> resolve(String input) {
        String typed = input.strip();
        Optional<Country> code = byCode(typed);
        if (code.isPresent()) {
            return code;
        }
        return byCode.values().stream()
                .filter(c -> c.name().equalsIgnoreCase(typed) || c.label().equalsIgnoreCase(typed))
                .findFirst();
    }

    /**
     * Up to {@code limit} suggestions for what the player has typed so far: an exact code first,
     * then names that start with it, then names or codes that contain it; alphabetical within
     * each group. Nothing typed: the first countries alphabetically.
     */
    public List<Country> suggest(String typed, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        String query = typed.strip().toLowerCase(Locale.ROOT);
        List<Country> exact = new ArrayList<>();
        List<Country> prefix = new ArrayList<>();
        List<Country> inside = new ArrayList<>();
        for (Country country : byCode.values()) {
            String name = country.name().toLowerCase(Locale.ROOT);
            String code = country.code().toLowerCase(Locale.ROOT);
            if (code.equals(query)) {
                exact.add(country);
            } else if (name.startsWith(query)) {
                prefix.add(country);
            } else if (name.contains(query) || code.contains(query)) {
                inside.add(country);
            }
        }
        List<Country> all = new ArrayList<>(exact);
        all.addAll(prefix);
        all.addAll(inside);
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    /** {@link #suggest} as autocomplete choices (label, code), at most Discord's 25. */
    public List<Command.Choice> autocomplete(String typed) {
        return suggest(typed, CommandVocabulary.MAX_CHOICES).stream()
                .map(c -> new Command.Choice(c.label(), c.code()))
                .toList();
    }

    /** How many countries are listed. */
    public int size() {
        return byCode.size();
    }
}
