package dev.matchwave.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone (issue 14): no source file or doc points at a file its users do
 * not have. The rules and facts the code relies on live in docs/ (docs/reference-ladder.md,
 * docs/discord.md); a comment or a doc cites those, never the maintainers' working notes.
 *
 * <p>Walks the repository (the directory holding {@code mvnw}, found upwards from the working
 * directory) over Java, Markdown, SQL, XML, properties and shell files, skipping build output
 * and hidden directories. The patterns below are written so that this file does not match them.
 */
class DocsStandAloneTest {

    private static final Set<String> CHECKED = Set.of(".java", ".md", ".sql", ".xml", ".properties", ".sh");

    /** What cites a file outside the repository; each pattern is spelled not to match itself. */
    private static final List<Pattern> OUTSIDE = List.of(
            Pattern.compile("shared\\/"),
            Pattern.compile("LADDER\\.md"),
            Pattern.compile("DISCORD\\.md"),
            Pattern.compile("STYLE\\.md"),
            Pattern.compile("design[-]notes"),
            Pattern.compile("(?i)design[ ]notes?\\b"));

    /** A relative path that goes up: checked by resolving it against the file's directory. */
    private static final Pattern UPWARD = Pattern.compile("(?:\\.\\./)+[^\\s)\"'`>\\]]*");

    @Test
    void noSourceOrDocRefersOutsideTheRepository() throws IOException {
        Path root = repositoryRoot();
        List<String> violations = new ArrayList<>();
        for (Path file : checkedFiles(root)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String problem = problem(root, file, lines.get(i));
                if (problem != null) {
                    violations.add(root.relativize(file) + ":" + (i + 1) + ": " + problem + ": "
                            + lines.get(i).strip());
                }
            }
        }
        assertThat(violations)
                .withFailMessage("Files refer outside the repository (cite docs/reference-ladder.md, "
                        + "docs/discord.md or another doc in docs/ instead):%n%s", String.join("\n", violations))
                .isEmpty();
    }

    @Test
    void theCheckFindsAReferenceOutside() {
        Path root = Path.of("/repo");
        Path doc = root.resolve("docs").resolve("ladder.md");
        assertThat(problem(root, doc, "the rules (see " + "../sha" + "red/LAD" + "DER.md)")).isNotNull();
        assertThat(problem(root, doc, "[notes](" + "../.." + "/notes.md)")).isNotNull();
        assertThat(problem(root, doc, "[bot](bot.md), [demo](" + "../docs/demo.md)")).isNull();
        assertThat(problem(root, doc, "see docs/reference-ladder.md and docs/discord.md")).isNull();
    }

    /** What is wrong with one line, or null. */
    private static String problem(Path root, Path file, String line) {
        for (Pattern pattern : OUTSIDE) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return "names '" + m.group() + "'";
            }
        }
        Matcher up = UPWARD.matcher(line);
        while (up.find()) {
            Path target = file.getParent().resolve(up.group()).normalize();
            if (!target.startsWith(root)) {
                return "'" + up.group() + "' leads out of the repository";
            }
        }
        return null;
    }

    private static List<Path> checkedFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files
                    .filter(Files::isRegularFile)
                    .filter(file -> included(root, file))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean included(Path root, Path file) {
        Path relative = root.relativize(file);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String directory = relative.getName(i).toString();
            if (directory.equals("target") || directory.startsWith(".")) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && CHECKED.contains(name.substring(dot));
    }

    private static Path repositoryRoot() {
        Path start = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no mvnw above " + start + ": not run inside the repository");
    }
}
