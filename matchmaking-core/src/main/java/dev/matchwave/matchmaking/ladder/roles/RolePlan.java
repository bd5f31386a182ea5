package dev.matchwave.matchmaking.ladder.roles;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The smallest change of one member's roles that makes his managed roles exactly the wanted
 * one: add it if he lacks it, remove every other managed role he holds, touch nothing else.
 * Immutable and thread-safe.
 *
 * @param add    roles to add (at most one)
 * @param remove roles to remove (managed, held, not wanted)
 */
public record RolePlan(Set<String> add, Set<String> remove) {

    /** Nothing to change. */
    public static final RolePlan NONE = new RolePlan(Set.of(), Set.of());

    public RolePlan {
        add = Set.copyOf(add);
        remove = Set.copyOf(remove);
        for (String role : add) {
            if (remove.contains(role)) {
                throw new IllegalArgumentException("role " + role + " is both added and removed");
            }
        }
    }

    /**
     * @param held    the roles the member holds (or those of them the caller knows of)
     * @param wanted  the managed role he should hold, if any
     * @param managed the roles the ladder manages; {@code wanted} must be one of them
     */
    public static RolePlan of(Set<String> held, Optional<String> wanted, Set<String> managed) {
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(wanted, "wanted");
        Objects.requireNonNull(managed, "managed");
        wanted.ifPresent(role -> {
            if (!managed.contains(role)) {
                throw new IllegalArgumentException("wanted role " + role + " is not a managed role");
            }
        });
        Set<String> add = wanted.filter(role -> !held.contains(role)).map(Set::of).orElse(Set.of());
        Set<String> remove = new TreeSet<>();
        for (String role : held) {
            if (managed.contains(role) && !wanted.equals(Optional.of(role))) {
                remove.add(role);
            }
        }
        return add.isEmpty() && remove.isEmpty() ? NONE : new RolePlan(add, remove);
    }

    /** The roles held after the plan is carried out. */
    public Set<String> applyTo(Set<String> held) {
        Set<String> after = new LinkedHashSet<>(held);
        after.removeAll(remove);
        after.addAll(add);
        return Set.copyOf(after);
    }

    public boolean isEmpty() {
        return add.isEmpty() && remove.isEmpty();
    }

    /** Requests the plan costs: one per role added or removed. */
    public int size() {
        return add.size() + remove.size();
    }
}
