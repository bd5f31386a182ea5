package dev.matchwave.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import dev.matchwave.matchmaking.PlayerId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;

/**
 * The compiler keeps another module out of {@code dev.matchwave.persistence.internal}: a user's
 * module that requires persistence compiles against its API and fails, naming the package, when
 * it reaches into the internals. Compiled with the JDK's own javac, on a module path made of
 * this module's classes and the jars it requires.
 */
class ModuleBoundaryTest {

    @TempDir
    Path work;

    @Test
    void aUsersModuleCompilesAgainstTheApi() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compileUser("""
                package user;
                public class Uses {
                    public Object database() { return dev.matchwave.persistence.Database.class; }
                }
                """);

        assertThat(errors).isEmpty();
    }

    @Test
    void aUsersModuleCannotReachTheInternals() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compileUser("""
                package user;
                public class Uses {
                    public Object database() { return dev.matchwave.persistence.Database.class; }
                    public Object sql() { return dev.matchwave.persistence.internal.Sql.class; }
                }
                """);

        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().getLineNumber()).isEqualTo(4);
        assertThat(errors.getFirst().getMessage(Locale.ROOT))
                .contains("dev.matchwave.persistence.internal")
                .contains("does not export");
    }

    private List<Diagnostic<? extends JavaFileObject>> compileUser(String source) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src/user"));
        Files.writeString(work.resolve("src/module-info.java"),
                "module user { requires dev.matchwave.persistence; }\n");
        Files.writeString(sources.resolve("Uses.java"), source);
        Path out = Files.createDirectories(work.resolve("out"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
             Stream<Path> walk = Files.walk(work.resolve("src"))) {
            List<Path> units = walk.filter(p -> p.toString().endsWith(".java")).toList();
            String modulePath = Stream.of(Database.class, PlayerId.class, DSLContext.class, Publisher.class,
                            HikariDataSource.class, Caffeine.class, Driver.class, Logger.class, Flyway.class,
                            EmbeddedPostgres.class, r2dbcSpi())
                    .map(ModuleBoundaryTest::locationOf)
                    .distinct()
                    .collect(Collectors.joining(java.io.File.pathSeparator));
            // An empty class path: javac would otherwise take this test's own class path.
            Path noClassPath = Files.createDirectories(work.resolve("no-class-path"));
            List<String> options = List.of("--module-path", modulePath, "--class-path", noClassPath.toString(),
                    "-d", out.toString(),
                    "-proc:none", "-Xlint:-requires-automatic");
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(units)).call();
            List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .collect(Collectors.toList());
            assertThat(ok).as("javac's answer agrees with its errors: %s", errors).isEqualTo(errors.isEmpty());
            return errors;
        }
    }

    /** jOOQ requires the R2DBC SPI; found by name, since no test code uses it. */
    private static Class<?> r2dbcSpi() {
        try {
            return Class.forName("io.r2dbc.spi.ConnectionFactory");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("jOOQ's R2DBC SPI is not on the test class path", e);
        }
    }

    private static String locationOf(Class<?> member) {
        try {
            return Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
