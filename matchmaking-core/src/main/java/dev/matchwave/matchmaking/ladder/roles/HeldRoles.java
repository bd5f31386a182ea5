package dev.matchwave.matchmaking.ladder.roles;

import dev.matchwave.matchmaking.PlayerId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rank roles the ladder gave and the platform accepted, per guild and player: what
 * {@link RankRoleSync} plans against, and, kept in a database, what lets a new process know
 * what is still owed after a crash (the wanted roles are recomputed from the ratings).
 *
 * <p>Implementations are thread-safe; a database implementation blocks.
 */
public interface HeldRoles {

    /** Every player's held roles in a guild (players holding none are left out). */
    Map<PlayerId, Set<String>> heldIn(String guild);

    /** The platform accepted adding {@code role}; adding it again changes nothing. */
    void given(String guild, PlayerId player, String role);

    /** The platform accepted removing {@code role} (or the member is gone); removing it again changes nothing. */
    void taken(String guild, PlayerId player, String role);

    /** Held roles in memory: for tests and for a ladder that forgets them at every start. */
    static HeldRoles inMemory() {
        return new HeldRoles() {
            private final Map<String, Map<PlayerId, Set<String>>> byGuild = new HashMap<>();

            @Override
            public synchronized Map<PlayerId, Set<String>> heldIn(String guild) {
                Map<PlayerId, Set<String>> copy = new HashMap<>();
                byGuild.getOrDefault(guild, Map.of()).forEach((p, roles) -> {
                    if (!roles.isEmpty()) {
                        copy.put(p, Set.copyOf(roles));
                    }
                });
                return copy;
            }

            @Override
            public synchronized void given(String guild, PlayerId player, String role) {
                Objects.requireNonNull(role, "role");
                byGuild.computeIfAbsent(guild, g -> new HashMap<>())
                        .computeIfAbsent(Objects.requireNonNull(player, "player"), p -> new HashSet<>()).add(role);
            }

            @Override
            public synchronized void taken(String guild, PlayerId player, String role) {
                Set<String> roles = byGuild.getOrDefault(guild, Map.of()).get(player);
                if (roles != null) {
                    roles.remove(role);
                }
            }
        };
    }
}
