package dev.matchwave.bot.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a run's {@link OfflineDemo.Outcome} into what the user sees: the closing report (or
 * exactly one JSON object on stdout with {@code --json}), and the HTML report, whose path is
 * printed.
 */
public final class DemoOutput {

    /** The HTML report's file name in the report directory. */
    public static final String HTML = "report.html";

    private DemoOutput() {
    }

    /** Prints the outcome and writes the HTML report; returns the exit code (1 if no wave ran). */
    public static int print(OfflineDemo.Outcome outcome, DemoOptions options, PrintStream out, PrintStream err) {
        DemoReport report = new DemoReport(outcome.figures());
        PrintStream text = options.json() ? err : out;
        if (options.json()) {
            out.println(report.toJson());
        } else {
            out.print(report.text());
        }
        Path html = options.reportDir().resolve(HTML).toAbsolutePath().normalize();
        try {
            Files.createDirectories(html.getParent());
            report.writeHtml(html);
            text.println("HTML report: " + html);
        } catch (IOException e) {
            err.println("matchwave demo: could not write the HTML report to " + html + ": " + e.getMessage());
        }
        return outcome.figures().waves().isEmpty() ? 1 : 0;
    }
}
