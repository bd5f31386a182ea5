package dev.matchwave.matchmaking.ladder.roles;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.rank.RankScheme;
import dev.matchwave.matchmaking.ladder.rank.Ranks;
import dev.matchwave.matchmaking.ladder.rating.RatingKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's rank roles of one guild: a role per letter rank, and the rule that gives a
 * player the role of his best rank across his races. Immutable and thread-safe; validated when
 * built.
 *
 * <p>A letter may be left out (its players hold no rank role) and two letters may share a role.
 * The unranked letter ({@link RankScheme#unranked()}) may have a role too. The roles named here
 * are the ones the ladder <em>manages</em>: it gives and takes them, and never touches any other.
 *
 * @param order        every letter of the scheme, best first, the unranked letter last
 * @param roleByLetter the role id of each letter that has one, in {@code order}
 */
public record RankRoles(List<String> order, Map<String, String> roleByLetter) {

    public RankRoles {
        order = List.copyOf(order);
        Objects.requireNonNull(roleByLetter, "roleByLetter");
        if (new LinkedHashSet<>(order).size() != order.size()) {
            throw new IllegalArgumentException("rank roles: a letter appears twice in the order " + order);
        }
        Map<String, String> inOrder = new LinkedHashMap<>();
        for (String letter : order) {
            String role = roleByLetter.get(letter);
            if (role != null) {
                requireRoleId(letter, role);
                inOrder.put(letter, role);
            }
        }
        for (String letter : roleByLetter.keySet()) {
            if (!order.contains(letter)) {
                throw new IllegalArgumentException("rank roles: '" + letter + "' is not a rank (ranks: "
                        + String.join(", ", order) + ")");
            }
        }
        if (inOrder.isEmpty()) {
            throw new IllegalArgumentException("rank roles: no letter has a role");
        }
        roleByLetter = Collections.unmodifiableMap(inOrder);
    }

    /** The roles of {@code scheme}'s letters, checked against it. */
    public static RankRoles of(RankScheme scheme, Map<String, String> roleByLetter) {
        List<String> order = new ArrayList<>(scheme.letters());
        order.add(scheme.unranked());
        return new RankRoles(order, roleByLetter);
    }

    /**
     * Reads {@code S=111, A=222, U=333}: letter, {@code =}, role id, separated by commas.
     *
     * @throws IllegalArgumentException naming the entry that is wrong and why
     */
    public static RankRoles parse(RankScheme scheme, String spec) {
        Objects.requireNonNull(spec, "spec");
        Map<String, String> roles = new LinkedHashMap<>();
        for (String part : spec.split(",", -1)) {
            String entry = part.strip();
            int eq = entry.indexOf('=');
            if (entry.isEmpty()) {
                throw new IllegalArgumentException("an empty entry between commas");
            }
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("'" + entry + "' is not LETTER=ROLE_ID");
            }
            String letter = entry.substring(0, eq).strip();
            String role = entry.substring(eq + 1).strip();
            if (roles.put(letter, role) != null) {
                throw new IllegalArgumentException("rank " + letter + " is given a role twice");
            }
        }
        return of(scheme, roles);
    }

    private static void requireRoleId(String letter, String role) {
        if (role.isEmpty() || role.length() > 20 || !role.chars().allMatch(c -> c >= '0' && c <= '9')
                || role.chars().allMatch(c -> c == '0')) {
            throw new IllegalArgumentException("rank " + letter + ": '" + role
                    + "' is not a role id (a Discord id such as 123456789012345678)");
        }
    }

    /** Every role the ladder manages: those named here. */
    public Set<String> managed() {
        return Set.copyOf(roleByLetter.values());
    }

    /** The role of one letter, if it has one; a letter outside the order has none. */
    public Optional<String> roleOf(String letter) {
        return Optional.ofNullable(roleByLetter.get(letter));
    }

    /**
     * The role a player should hold: that of his best letter (first in {@link #order}) among
     * {@code letters}, his letters across races; none when that letter has no role or he has
     * no letter. Letters outside the order are ignored.
     */
    public Optional<String> wanted(Collection<String> letters) {
        int best = Integer.MAX_VALUE;
        for (String letter : letters) {
            int index = order.indexOf(letter);
            if (index >= 0 && index < best) {
                best = index;
            }
        }
        return best == Integer.MAX_VALUE ? Optional.empty() : roleOf(order.get(best));
    }

    /** The wanted role of every player who has a letter in {@code ranks}. */
    public Map<PlayerId, Optional<String>> wanted(Ranks ranks) {
        Map<PlayerId, List<String>> letters = new HashMap<>();
        for (Map.Entry<RatingKey, String> entry : ranks.letters().entrySet()) {
            letters.computeIfAbsent(entry.getKey().player(), p -> new ArrayList<>(2)).add(entry.getValue());
        }
        Map<PlayerId, Optional<String>> wanted = new HashMap<>(letters.size() * 2);
        letters.forEach((player, his) -> wanted.put(player, wanted(his)));
        return wanted;
    }
}
