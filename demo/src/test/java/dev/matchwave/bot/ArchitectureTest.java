package dev.matchwave.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.InstanceofCheck;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, checked on the compiled classes of every module: the
 * cores are plain Java, Discord stays in the adapter, SQL stays in persistence, no package
 * cycles.
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.matchwave");
    }

    @Test
    void coreModulesUseTheJdkOnly() {
        ArchRule rule = classes()
                .that().resideInAnyPackage("dev.matchwave.matchmaking..", "dev.matchwave.notification..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.jspecify..", "dev.matchwave.matchmaking..",
                        "dev.matchwave.notification..")
                .because("the core modules are plain Java that any bot can embed");
        rule.check(production);
    }

    @Test
    void coreModulesUseNoDiscordJdbcOrJooq() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage("dev.matchwave.matchmaking..", "dev.matchwave.notification..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("net.dv8tion..", "java.sql..", "javax.sql..", "org.jooq..",
                        "org.postgresql..", "org.flywaydb..")
                .because("Discord and the database are adapters around the core");
        rule.check(production);
    }

    @Test
    void matchmakingDoesNotKnowNotifications() {
        noClasses().that().resideInAPackage("dev.matchwave.matchmaking..")
                .should().dependOnClassesThat().resideInAPackage("dev.matchwave.notification..")
                .check(production);
    }

    @Test
    void discordTypesStayInTheAdapterAndTheApp() {
        noClasses().that().resideOutsideOfPackages("dev.matchwave.discord..", "dev.matchwave.bot..")
                .should().dependOnClassesThat().resideInAPackage("net.dv8tion..")
                .check(production);
    }

    @Test
    void sqlStaysInPersistenceAndTheApp() {
        noClasses().that().resideOutsideOfPackages("dev.matchwave.persistence..", "dev.matchwave.bot..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "java.sql..", "org.flywaydb..", "org.postgresql..")
                .check(production);
    }

    @Test
    void theLocalDiscordServesTheOfflineDemoOnly() {
        noClasses().that().resideOutsideOfPackages("dev.matchwave.emulator..", "dev.matchwave.bot.demo..")
                .should().dependOnClassesThat().resideInAPackage("dev.matchwave.emulator..")
                .because("the bot itself talks to Discord through JDA; only the demo drives the emulator")
                .check(production);
    }

    @Test
    void theDemoDrivesItsPlayersWithoutJda() {
        noClasses().that().resideInAPackage("dev.matchwave.bot.demo..")
                .should().dependOnClassesThat().resideInAPackage("net.dv8tion..")
                .because("the emulator's scripted users are enough to play the ladder")
                .check(production);
    }

    @Test
    void ruleSetsAreAskedNotTypeChecked() {
        ArchCondition<JavaClass> noInstanceofOnRules = new ArchCondition<>("not test a rule set's type") {
            @Override
            public void check(JavaClass owner, ConditionEvents events) {
                for (JavaCodeUnit unit : owner.getCodeUnits()) {
                    for (InstanceofCheck check : unit.getInstanceofChecks()) {
                        if (check.getRawType().getPackageName().startsWith("dev.matchwave.matchmaking.rules")) {
                            events.add(SimpleConditionEvent.violated(owner, unit.getFullName() + " tests instanceof "
                                    + check.getRawType().getName()));
                        }
                    }
                }
            }
        };
        classes().that().resideOutsideOfPackage("dev.matchwave.matchmaking.rules..")
                .should(noInstanceofOnRules)
                .because("seats, venues and map pools come from the rule set (MatchRules, RuleSets)")
                .check(production);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("dev.matchwave.(**)").should().beFreeOfCycles().check(production);
    }
}
