package dev.matchwave.matchmaking.ladder.player;

import dev.matchwave.matchmaking.PlayerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A player as the ladder stores him. Immutable; repositories return new copies on change.
 *
 * <p>Whether he is queueing or in a match is not stored here: the queue and the match lifecycle
 * know that (see {@link PlayerGuards}).
 *
 * @param id              who
 * @param profile         his setup, empty until he completed it
 * @param termsAcceptedAt when he accepted the terms of service, empty if he has not
 * @param banned          whether an admin banned him from queueing
 * @param abortsLeft      how many matches he may still abort, never negative (reference: 3;
 *                        only an admin restores them)
 * @param registeredAt    when the ladder first saw him
 */
public record Player(PlayerId id, Optional<PlayerProfile> profile, Optional<Instant> termsAcceptedAt,
                     boolean banned, int abortsLeft, Instant registeredAt) {

    public Player {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(termsAcceptedAt, "termsAcceptedAt");
        Objects.requireNonNull(registeredAt, "registeredAt");
        if (abortsLeft < 0) {
            throw new IllegalArgumentException("player " + id + " abortsLeft must not be negative, got " + abortsLeft);
        }
    }

    /** A player just registered: no profile, terms not accepted, not banned. */
    public static Player registered(PlayerId id, int abortsLeft, Instant at) {
        return new Player(id, Optional.empty(), Optional.empty(), false, abortsLeft, at);
    }

    public boolean termsAccepted() {
        return termsAcceptedAt.isPresent();
    }

    public boolean setupComplete() {
        return profile.isPresent();
    }

    public Player withProfile(PlayerProfile newProfile) {
        return new Player(id, Optional.of(newProfile), termsAcceptedAt, banned, abortsLeft, registeredAt);
    }

    public Player withTermsAcceptedAt(Instant at) {
        return new Player(id, profile, Optional.of(at), banned, abortsLeft, registeredAt);
    }

    public Player withBanned(boolean isBanned) {
        return new Player(id, profile, termsAcceptedAt, isBanned, abortsLeft, registeredAt);
    }

    public Player withAbortsLeft(int aborts) {
        return new Player(id, profile, termsAcceptedAt, banned, aborts, registeredAt);
    }
}
