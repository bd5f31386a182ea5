package dev.matchwave.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure what a bot developer can call: every matchwave class they use lies in a
 * package its module exports (docs/architecture.md, "Boundaries"). The reference bot has no module
 * descriptor; its classes are the application's and count as used through its own API.
 */
class BenchmarksUseTheApiTest {

    private final Map<Path, Optional<ModuleDescriptor>> descriptors = new HashMap<>();

    @Test
    void theBenchmarksReachOnlyExportedPackages() {
        JavaClasses benchmarks = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/jmh_generated/"))
                .importPackages("dev.matchwave.benchmarks");
        assertThat(benchmarks).as("the benchmark classes").isNotEmpty();

        Set<String> usedModules = new TreeSet<>();
        Set<String> violations = new TreeSet<>();
        for (JavaClass benchmark : benchmarks) {
            for (Dependency dependency : benchmark.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                if (!target.getPackageName().startsWith("dev.matchwave.")
                        || target.getPackageName().startsWith("dev.matchwave.benchmarks")) {
                    continue;
                }
                Optional<ModuleDescriptor> module = descriptorOf(target);
                if (module.isEmpty()) {
                    continue;
                }
                usedModules.add(module.get().name());
                if (!exports(module.get(), target.getPackageName())) {
                    violations.add(benchmark.getSimpleName() + " uses " + target.getName() + ", which "
                            + module.get().name() + " does not export");
                }
            }
        }
        assertThat(usedModules).as("library modules the benchmarks measure")
                .contains("dev.matchwave.matchmaking", "dev.matchwave.persistence");
        assertThat(violations).isEmpty();
    }

    private static boolean exports(ModuleDescriptor module, String packageName) {
        return module.exports().stream().anyMatch(e -> !e.isQualified() && e.source().equals(packageName));
    }

    private Optional<ModuleDescriptor> descriptorOf(JavaClass target) {
        Path location = locationOf(target.reflect().getProtectionDomain().getCodeSource().getLocation());
        return descriptors.computeIfAbsent(location, at -> {
            if (Files.isDirectory(at) && !Files.exists(at.resolve("module-info.class"))) {
                return Optional.empty(); // classes of a module without a descriptor (the bot)
            }
            List<ModuleReference> found = List.copyOf(ModuleFinder.of(at).findAll());
            return found.size() == 1 && !found.getFirst().descriptor().isAutomatic()
                    ? Optional.of(found.getFirst().descriptor())
                    : Optional.empty();
        });
    }

    private static Path locationOf(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
