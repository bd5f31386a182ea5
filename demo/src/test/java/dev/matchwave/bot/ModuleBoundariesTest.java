package dev.matchwave.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every library module ships a module descriptor that exports its API packages, every package
 * with classes except those named {@code internal}, and nothing else (docs/architecture.md,
 * "Boundaries"). Read from the compiled module itself, as a user's module path would see it.
 */
class ModuleBoundariesTest {

    static Stream<Arguments> libraries() {
        return Stream.of(
                arguments("dev.matchwave.matchmaking", dev.matchwave.matchmaking.PlayerId.class),
                arguments("dev.matchwave.notification", dev.matchwave.notification.Notification.class),
                arguments("dev.matchwave.persistence", dev.matchwave.persistence.Database.class),
                arguments("dev.matchwave.queue.redis", dev.matchwave.queue.redis.RedisQueueStore.class),
                arguments("dev.matchwave.discord", dev.matchwave.discord.delivery.Delivery.class),
                arguments("dev.matchwave.emulator", dev.matchwave.emulator.DiscordEmulator.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraries")
    void aLibraryExportsItsApiPackagesAndNoInternals(String moduleName, Class<?> member) throws IOException {
        Path location = locationOf(member);
        List<ModuleReference> found = List.copyOf(ModuleFinder.of(location).findAll());
        assertThat(found).as("the module descriptor in %s", location).hasSize(1);
        ModuleDescriptor descriptor = found.getFirst().descriptor();
        assertThat(descriptor.isAutomatic()).as("%s has a module-info.class", location).isFalse();
        assertThat(descriptor.name()).isEqualTo(moduleName);

        Set<String> withClasses = packagesWithClasses(location);
        Set<String> api = withClasses.stream()
                .filter(p -> !p.contains(".internal"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> exported = descriptor.exports().stream()
                .peek(e -> assertThat(e.isQualified()).as("export of %s to named modules", e.source()).isFalse())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(exported).as("the packages %s exports", moduleName).isEqualTo(api);
        assertThat(descriptor.opens()).as("%s opens code packages to jOOQ only", moduleName)
                .allSatisfy(open -> {
                    if (withClasses.contains(open.source())) {
                        assertThat(open.targets()).as("who may reflect on %s", open.source())
                                .containsExactly("org.jooq");
                    }
                });
    }

    private static Path locationOf(Class<?> member) {
        try {
            return Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The packages that hold at least one class (not module-info), in a classes folder or a jar. */
    private static Set<String> packagesWithClasses(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            return packagesUnder(location);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return packagesUnder(jar.getPath("/"));
        }
    }

    private static Set<String> packagesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> !f.getFileName().toString().equals("module-info.class"))
                    .map(f -> root.relativize(f.getParent()).toString().replace('/', '.'))
                    .filter(p -> !p.startsWith("META-INF"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
