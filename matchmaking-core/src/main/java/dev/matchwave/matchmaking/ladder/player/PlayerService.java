package dev.matchwave.matchmaking.ladder.player;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A player's own actions on the ladder: registering, setup, terms, saved queue preferences.
 * Admin actions on players are in {@link dev.matchwave.matchmaking.ladder.admin.LadderAdmin}.
 *
 * <p>Thread-safe; methods block on the repositories. Invalid input comes back as
 * {@link Validation.Invalid} with one message per field and stores nothing.
 */
public final class PlayerService {

    private final PlayerRepository players;
    private final QueuePreferenceRepository preferences;
    private final SetupRules rules;
    private final int abortBudget;
    private final InstantSource clock;

    /**
     * @param abortBudget the aborts a new player starts with (reference: 3, see
     *                    {@link dev.matchwave.matchmaking.ladder.match.LifecycleRules#abortBudget()})
     */
    public PlayerService(PlayerRepository players, QueuePreferenceRepository preferences, SetupRules rules,
                         int abortBudget, InstantSource clock) {
        this.players = Objects.requireNonNull(players, "players");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (abortBudget < 0) {
            throw new IllegalArgumentException("abortBudget must not be negative, got " + abortBudget);
        }
        this.abortBudget = abortBudget;
    }

    public SetupRules rules() {
        return rules;
    }

    /** The player, registered now if he is new. Idempotent. */
    public Player register(PlayerId id) {
        return players.register(id, abortBudget, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    public Optional<Player> find(PlayerId id) {
        return players.find(id);
    }

    /**
     * Checks and saves the player's setup (registering him if new). A user id taken by another
     * player is a problem of the {@code userId} field.
     */
    public Validation<Player> setup(PlayerId id, ProfileForm form) {
        return switch (rules.validate(form)) {
            case Validation.Invalid<PlayerProfile> invalid -> new Validation.Invalid<>(invalid.problems());
            case Validation.Valid<PlayerProfile> valid -> {
                register(id);
                try {
                    yield new Validation.Valid<>(players.saveProfile(id, valid.value()));
                } catch (StoreException e) {
                    if (e.kind() != StoreException.Kind.DUPLICATE) {
                        throw e;
                    }
                    yield new Validation.Invalid<>(List.of(new FieldProblem("userId",
                            "User id " + valid.value().userId() + " is taken; choose another.")));
                }
            }
        };
    }

    /** Records that the player accepted the terms of service (registering him if new). */
    public Player acceptTerms(PlayerId id) {
        register(id);
        return players.acceptTerms(id, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** Checks and saves the player's queue preferences (registering him if new). */
    public Validation<SavedPreferences> savePreferences(PlayerId id, Set<String> races, Set<String> vetoedMaps) {
        SavedPreferences saved = new SavedPreferences(races, vetoedMaps);
        Validation<SavedPreferences> checked = rules.validatePreferences(saved);
        if (checked.isValid()) {
            register(id);
            preferences.save(id, saved);
        }
        return checked;
    }

    public Optional<SavedPreferences> preferences(PlayerId id) {
        return preferences.find(id);
    }
}
