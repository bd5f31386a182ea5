package dev.matchwave.matchmaking.ladder.roles;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolePlanProperties {

    /** Roles 1..12; the ladder manages 1..7, the rest are the server's own. */
    private static final Set<String> MANAGED = Set.of("1", "2", "3", "4", "5", "6", "7");

    @Provide
    Arbitrary<Set<String>> held() {
        return Arbitraries.integers().between(1, 12).map(String::valueOf).set().ofMaxSize(12);
    }

    @Provide
    Arbitrary<Optional<String>> wanted() {
        return Arbitraries.integers().between(1, 7).map(String::valueOf).optional(0.8);
    }

    @Property
    void afterThePlanTheManagedRolesAreExactlyTheWantedOne(@ForAll("held") Set<String> held,
                                                            @ForAll("wanted") Optional<String> wanted) {
        Set<String> after = RolePlan.of(held, wanted, MANAGED).applyTo(held);

        Set<String> managedAfter = new HashSet<>(after);
        managedAfter.retainAll(MANAGED);
        assertThat(managedAfter).isEqualTo(wanted.map(Set::of).orElse(Set.of()));
    }

    @Property
    void rolesTheLadderDoesNotManageAreNeverTouched(@ForAll("held") Set<String> held,
                                                     @ForAll("wanted") Optional<String> wanted) {
        RolePlan plan = RolePlan.of(held, wanted, MANAGED);
        Set<String> after = plan.applyTo(held);

        assertThat(MANAGED).containsAll(plan.add()).containsAll(plan.remove());
        Set<String> unmanagedBefore = new HashSet<>(held);
        unmanagedBefore.removeAll(MANAGED);
        Set<String> unmanagedAfter = new HashSet<>(after);
        unmanagedAfter.removeAll(MANAGED);
        assertThat(unmanagedAfter).isEqualTo(unmanagedBefore);
    }

    @Property
    void aSecondPlanIsEmpty(@ForAll("held") Set<String> held, @ForAll("wanted") Optional<String> wanted) {
        Set<String> after = RolePlan.of(held, wanted, MANAGED).applyTo(held);

        assertThat(RolePlan.of(after, wanted, MANAGED)).isEqualTo(RolePlan.NONE);
    }

    @Property
    void thePlanIsTheSmallest(@ForAll("held") Set<String> held, @ForAll("wanted") Optional<String> wanted) {
        RolePlan plan = RolePlan.of(held, wanted, MANAGED);

        // Every request changes something: only a role he lacks is added, only one he holds is removed.
        assertThat(plan.add()).hasSizeLessThanOrEqualTo(1).allMatch(role -> !held.contains(role));
        assertThat(held).containsAll(plan.remove());
        // And none can be spared: the managed roles he holds, other than the wanted one, must go.
        Set<String> wrong = new HashSet<>(held);
        wrong.retainAll(MANAGED);
        wanted.ifPresent(wrong::remove);
        assertThat(plan.remove()).isEqualTo(wrong);
        assertThat(plan.size()).isEqualTo(wrong.size() + (wanted.isPresent() && !held.contains(wanted.get()) ? 1 : 0));
    }

    @Example
    void aPromotionAddsTheNewRoleAndRemovesTheOld() {
        RolePlan plan = RolePlan.of(Set.of("3", "10"), Optional.of("2"), MANAGED);

        assertThat(plan.add()).containsExactly("2");
        assertThat(plan.remove()).containsExactly("3");
        assertThat(plan.applyTo(Set.of("3", "10"))).containsExactlyInAnyOrder("2", "10");
    }

    @Example
    void aWantedRoleTheLadderDoesNotManageIsRefused() {
        assertThatThrownBy(() -> RolePlan.of(Set.of(), Optional.of("10"), MANAGED))
                .hasMessageContaining("10 is not a managed role");
    }
}
