package dev.matchwave.matchmaking.ladder.player;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a valid player setup and saved queue preferences look like. Immutable; validated when
 * built. {@link #REFERENCE} holds the reference ladder's rules.
 *
 * @param userId             the pattern a user id must match in full (reference: 3 to 12 English letters)
 * @param userIdRule         how {@code userId} is described to players
 * @param battleTag          the pattern a BattleTag must match in full (reference: a name of 1 to
 *                           12 characters other than {@code #} and spaces, {@code #}, 3 to 12 digits)
 * @param maxAlternativeIds  alternative ids allowed (reference: 2)
 * @param maxAlternativeLength characters per alternative id
 * @param countries          accepted country codes, upper case (reference: ISO 3166-1 alpha-2 and {@code ZZ})
 * @param regions            accepted home regions, in display order (reference: the 16 regions)
 * @param raceSides          every race and the side it plays on (reference: {@code bw_*} on {@code bw},
 *                           {@code sc2_*} on {@code sc2})
 * @param maxRacesPerSide    races a player may pick per side (reference: 1)
 * @param minRaces           races he must pick in total (reference: 1)
 * @param maxVetoes          maps he may veto (reference: 4)
 */
public record SetupRules(Pattern userId, String userIdRule, Pattern battleTag, int maxAlternativeIds,
                         int maxAlternativeLength, Set<String> countries, List<String> regions,
                         Map<String, String> raceSides, int maxRacesPerSide, int minRaces, int maxVetoes) {

    /** The 16 home regions of the reference ladder. */
    public static final List<String> REFERENCE_REGIONS = List.of("NAW", "NAC", "NAE", "CAM", "SAM", "EUW", "EUE",
            "AFR", "MEA", "SEA", "KRJ", "CHN", "THM", "OCE", "USB", "FER");

    /** The reference ladder. */
    public static final SetupRules REFERENCE = new SetupRules(
            Pattern.compile("[A-Za-z]{3,12}"), "3 to 12 English letters (A-Z)",
            Pattern.compile("[^#\\s]{1,12}#[0-9]{3,12}"), 2, 32,
            isoCountriesAndOther(), REFERENCE_REGIONS,
            referenceRaces(), 1, 1, 4);

    private static Set<String> isoCountriesAndOther() {
        Set<String> codes = new TreeSet<>(Arrays.asList(Locale.getISOCountries()));
        codes.add("ZZ");
        return codes;
    }

    private static Map<String, String> referenceRaces() {
        Map<String, String> races = new LinkedHashMap<>();
        for (String race : List.of("bw_terran", "bw_zerg", "bw_protoss")) {
            races.put(race, "bw");
        }
        for (String race : List.of("sc2_terran", "sc2_zerg", "sc2_protoss")) {
            races.put(race, "sc2");
        }
        return races;
    }

    public SetupRules {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(userIdRule, "userIdRule");
        Objects.requireNonNull(battleTag, "battleTag");
        countries = Set.copyOf(Objects.requireNonNull(countries, "countries"));
        regions = List.copyOf(Objects.requireNonNull(regions, "regions"));
        raceSides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(raceSides, "raceSides")));
        if (maxAlternativeIds < 0) {
            throw new IllegalArgumentException("maxAlternativeIds must not be negative, got " + maxAlternativeIds);
        }
        if (maxAlternativeLength < 1) {
            throw new IllegalArgumentException("maxAlternativeLength must be positive, got " + maxAlternativeLength);
        }
        if (countries.isEmpty()) {
            throw new IllegalArgumentException("countries must not be empty");
        }
        if (regions.isEmpty() || new LinkedHashSet<>(regions).size() != regions.size()) {
            throw new IllegalArgumentException("regions must be non-empty and distinct, got " + regions);
        }
        if (raceSides.isEmpty()) {
            throw new IllegalArgumentException("raceSides must name at least one race");
        }
        if (maxRacesPerSide < 1) {
            throw new IllegalArgumentException("maxRacesPerSide must be at least 1, got " + maxRacesPerSide);
        }
        if (minRaces < 1) {
            throw new IllegalArgumentException("minRaces must be at least 1, got " + minRaces);
        }
        if (maxVetoes < 0) {
            throw new IllegalArgumentException("maxVetoes must not be negative, got " + maxVetoes);
        }
    }

    /**
     * Checks every field of the form; each invalid field gets its own problem. A field holding a
     * control character (Unicode category Cc, e.g. NUL, tab or escape, after trimming) gets only
     * that problem: the database cannot store some of them, and none belongs in a name or code.
     */
    public Validation<PlayerProfile> validate(ProfileForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        String user = form.userId().strip();
        if (!controlCharacter("userId", "User id", user, problems) && !userId.matcher(user).matches()) {
            problems.add(new FieldProblem("userId", "User id must be " + userIdRule + "; \"" + user + "\" is not."));
        }
        String tag = form.battleTag().strip();
        if (!controlCharacter("battleTag", "BattleTag", tag, problems) && !battleTag.matcher(tag).matches()) {
            problems.add(new FieldProblem("battleTag", "BattleTag must be a name, '#' and a number, like Name#1234"
                    + " (reference: 1 to 12 characters, then 3 to 12 digits); \"" + tag + "\" is not."));
        }
        List<String> alternatives = form.alternativeIds().stream().map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        boolean alternativeHasControl = false;
        for (int i = 0; i < alternatives.size() && !alternativeHasControl; i++) {
            alternativeHasControl = controlCharacter("alternativeIds", "Alternative id " + (i + 1),
                    alternatives.get(i), problems);
        }
        if (alternativeHasControl) {
            // one problem for the field is enough
        } else if (alternatives.size() > maxAlternativeIds) {
            problems.add(new FieldProblem("alternativeIds", "At most " + maxAlternativeIds
                    + " alternative ids, got " + alternatives.size() + "."));
        } else {
            for (String alternative : alternatives) {
                if (alternative.length() > maxAlternativeLength) {
                    problems.add(new FieldProblem("alternativeIds", "Alternative id \"" + alternative
                            + "\" is longer than " + maxAlternativeLength + " characters."));
                }
            }
        }
        String country = form.country().strip().toUpperCase(Locale.ROOT);
        if (!controlCharacter("country", "Country", country, problems) && !countries.contains(country)) {
            problems.add(new FieldProblem("country", "Country must be a two-letter ISO code such as DE or KR,"
                    + " or ZZ for other; \"" + form.country().strip() + "\" is not."));
        }
        String region = form.homeRegion().strip().toUpperCase(Locale.ROOT);
        if (!controlCharacter("homeRegion", "Home region", region, problems) && !regions.contains(region)) {
            problems.add(new FieldProblem("homeRegion", "Home region must be one of " + String.join(", ", regions)
                    + "; \"" + form.homeRegion().strip() + "\" is not."));
        }
        if (!problems.isEmpty()) {
            return new Validation.Invalid<>(problems);
        }
        return new Validation.Valid<>(new PlayerProfile(user, tag, alternatives, country, region));
    }

    /**
     * Adds a problem for {@code field} if {@code value} holds a control character; the message
     * names the field and the character's code point, never echoes the value (it could not be
     * shown anyway).
     *
     * @return whether a problem was added
     */
    private static boolean controlCharacter(String field, String label, String value, List<FieldProblem> problems) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                problems.add(new FieldProblem(field, String.format(Locale.ROOT,
                        "%s contains a control character (U+%04X at position %d); type it without one.",
                        label, (int) c, i + 1)));
                return true;
            }
        }
        return false;
    }

    /** Checks saved queue preferences: known races, the per-side and total limits, the veto limit. */
    public Validation<SavedPreferences> validatePreferences(SavedPreferences preferences) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> unknown = preferences.races().stream().filter(r -> !raceSides.containsKey(r))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            problems.add(new FieldProblem("races", "Unknown race " + String.join(", ", unknown) + "; choose from "
                    + String.join(", ", raceSides.keySet()) + "."));
        } else if (preferences.races().size() < minRaces) {
            problems.add(new FieldProblem("races", "Pick at least " + minRaces + (minRaces == 1 ? " race." : " races.")));
        } else {
            Map<String, Set<String>> bySide = new LinkedHashMap<>();
            for (String race : preferences.races()) {
                bySide.computeIfAbsent(raceSides.get(race), s -> new TreeSet<>()).add(race);
            }
            bySide.forEach((side, races) -> {
                if (races.size() > maxRacesPerSide) {
                    problems.add(new FieldProblem("races", "Pick at most " + maxRacesPerSide + " " + side + " race"
                            + (maxRacesPerSide == 1 ? "" : "s") + ", got " + String.join(", ", races) + "."));
                }
            });
        }
        if (preferences.vetoedMaps().size() > maxVetoes) {
            problems.add(new FieldProblem("vetoedMaps", "Veto at most " + maxVetoes + " maps, got "
                    + preferences.vetoedMaps().size() + "."));
        }
        if (preferences.vetoedMaps().stream().anyMatch(String::isBlank)) {
            problems.add(new FieldProblem("vetoedMaps", "A vetoed map must have a name."));
        }
        return problems.isEmpty() ? new Validation.Valid<>(preferences) : new Validation.Invalid<>(problems);
    }

    /** The side {@code race} plays on, if it is a known race. */
    public java.util.Optional<String> sideOf(String race) {
        return java.util.Optional.ofNullable(raceSides.get(race));
    }
}
