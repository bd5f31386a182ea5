package dev.matchwave.discord.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.discord.command.SlashCommands;
import dev.matchwave.discord.component.ComponentAction;
import dev.matchwave.discord.component.CustomId;
import dev.matchwave.discord.interaction.InteractionChecks.Decision;
import dev.matchwave.discord.interaction.InteractionChecks.Refusal;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InteractionChecksTest {

    static final long ALICE = 111_111_111_111L;
    static final long BOB = 222_222_222_222L;

    @Test
    void directMessageOnlyCommandsAreRefusedInAServerButLeaderboardIsNot() {
        assertThat(InteractionChecks.command(SlashCommands.QUEUE, false, ALICE, Set.of()))
                .isEqualTo(new Decision.Refuse(Refusal.DIRECT_MESSAGE_ONLY, "queue"));
        assertThat(InteractionChecks.command(SlashCommands.QUEUE, true, ALICE, Set.of()))
                .isEqualTo(new Decision.Command("queue"));
        assertThat(InteractionChecks.command(SlashCommands.LEADERBOARD, false, ALICE, Set.of()))
                .isEqualTo(new Decision.Command("leaderboard"));
    }

    @Test
    void adminIsForAdminsOnly() {
        assertThat(InteractionChecks.command(SlashCommands.ADMIN, false, ALICE, Set.of(BOB)))
                .isEqualTo(new Decision.Refuse(Refusal.NOT_ADMIN, "admin"));
        assertThat(InteractionChecks.command(SlashCommands.ADMIN, false, BOB, Set.of(BOB)))
                .isEqualTo(new Decision.Command("admin"));
    }

    @Test
    void componentsAreOursReadableAndTheUsersOwn() {
        String confirm = CustomId.forMatch(ComponentAction.CONFIRM, 17, ALICE).encode();
        assertThat(InteractionChecks.component(confirm, ALICE)).isEqualTo(new Decision.Component(CustomId.parse(confirm)));
        assertThat(InteractionChecks.component(confirm, BOB))
                .isInstanceOfSatisfying(Decision.Refuse.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.NOT_YOURS));
        assertThat(InteractionChecks.component("someone-elses-button", ALICE)).isEqualTo(
                new Decision.Refuse(InteractionChecks.Refusal.STALE_COMPONENT, "not a component of this bot"));
        assertThat(InteractionChecks.component("mw999:join:-:1:", ALICE))
                .isInstanceOfSatisfying(Decision.Refuse.class,
                        r -> assertThat(r.refusal()).isEqualTo(Refusal.STALE_COMPONENT));
    }

    @Test
    void resultCodesAreRead() {
        assertThat(InteractionRouter.resultCode("1")).contains(1);
        assertThat(InteractionRouter.resultCode(" 0 ")).contains(0);
        assertThat(InteractionRouter.resultCode("x")).isEmpty();
    }

    @Test
    void flowsAreNamedAfterTheTimingTargetsWhereTheyHaveOne() {
        assertThat(InteractionRouter.flowName(ComponentAction.JOIN)).isEqualTo(dev.matchwave.discord.timing.FlowTargets.JOIN);
        assertThat(InteractionRouter.flowName(ComponentAction.REPORT_CONFIRM))
                .isEqualTo(dev.matchwave.discord.timing.FlowTargets.RESULT_CONFIRM);
        assertThat(InteractionRouter.flowName(ComponentAction.ABORT_CONFIRM)).isEqualTo("abort_confirm");
    }
}
