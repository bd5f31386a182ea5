package dev.matchwave.bot;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairer;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.pairing.Pairers;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import dev.matchwave.matchmaking.rules.FifoRules;
import dev.matchwave.matchmaking.rules.SinglePoolRules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code matchwave pair}: pairs one queue read as JSON lines with the library's pairing and
 * prints the result as one JSON object. The wait cycles given are the ones in effect: no wave
 * runs, nothing is added.
 */
@Command(name = "pair",
        description = {"pair a queue read as JSON lines and print the pairs as JSON", "",
                "Pairs one queue and prints {\"pairs\": [[id, id], ...], \"unmatched\": [ids], \"sum_sq_gap\": n,"
                        + " \"matched_wait\": n, \"optimality\": {\"exact\": bool, \"lower_bound_sum_sq_gap\": n},"
                        + " \"pairing_millis\": ms}.",
                "Reads JSON lines from FILE, or from standard input when FILE is missing or '-'.",
                "",
                "  --rules evoladder  lines {\"id\": 17, \"bw_mmr\": 1620, \"sc2_mmr\": null, \"wait_cycles\": 2};",
                "                     pairs are [bw_side_id, sc2_side_id]; window 100 + 50 * wait_cycles",
                "  --rules single     lines {\"id\": 17, \"mmr\": 1620, \"wait_cycles\": 2}",
                "  --rules fifo       lines {\"id\": 17}, in queue order; ratings are ignored",
                "",
                "wait_cycles is the value in effect for this pairing: nothing is added to it.",
                "Bad input (malformed line, missing or wrong-typed field, duplicate id, no rating) is reported with"
                        + " its line number and exit code 2, and nothing is printed on stdout."},
        footer = {"", "Example: matchwave pair --rules evoladder --input docs/examples/queue.jsonl"})
final class PairCommand implements Callable<Integer> {

    /** One {@code --rules} choice: the rules, how input lines look, and the pairer. */
    record RuleChoice(MatchRules rules, QueueFileReader.Format format, String side, Pairer pairer) {
    }

    @Option(names = "--rules", paramLabel = "NAME", required = true, completionCandidates = RuleNames.class,
            description = "the rule set: ${COMPLETION-CANDIDATES}")
    String rulesName;

    @Option(names = "--input", paramLabel = "FILE", description = "the queue, one player a line (default: standard input)")
    @Nullable Path input;

    private final Map<String, RuleChoice> choices;
    private final Streams streams;

    /** The library's three rule sets with their default settings and the optimal pairer. */
    static Map<String, RuleChoice> standardChoices() {
        Map<String, RuleChoice> choices = new LinkedHashMap<>();
        choices.put(EvoLadderRules.NAME, new RuleChoice(EvoLadderRules.defaults(),
                QueueFileReader.Format.CROSS_GAME, EvoLadderRules.SIDE_BW, Pairers.optimal()));
        choices.put(SinglePoolRules.NAME, new RuleChoice(SinglePoolRules.defaults(),
                QueueFileReader.Format.SINGLE, SinglePoolRules.SIDE, Pairers.optimal()));
        choices.put(FifoRules.NAME, new RuleChoice(FifoRules.INSTANCE,
                QueueFileReader.Format.ORDER_ONLY, FifoRules.SIDE, Pairers.optimal()));
        return choices;
    }

    /** The names of {@link #standardChoices()}, for help, errors and shell completion. */
    static final class RuleNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(EvoLadderRules.NAME, SinglePoolRules.NAME, FifoRules.NAME).iterator();
        }
    }

    PairCommand(Map<String, RuleChoice> choices, Streams streams) {
        this.choices = new LinkedHashMap<>(choices);
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    @Override
    public Integer call() {
        RuleChoice choice = choices.get(rulesName);
        if (choice == null) {
            throw new UsageException("unknown rules '" + rulesName + "' for --rules (one of "
                    + String.join(", ", choices.keySet()) + ")");
        }
        List<QueuedPlayer> queue = readQueue(choice, input, streams.in());

        long start = System.nanoTime();
        Pairing pairing = choice.pairer().pair(queue, choice.rules());
        double millis = (System.nanoTime() - start) / 1_000_000.0;

        streams.out().println(toJson(pairing, millis));
        return 0;
    }

    private static List<QueuedPlayer> readQueue(RuleChoice choice, Path input, InputStream stdin) {
        QueueFileReader reader = new QueueFileReader(choice.format(), choice.side());
        if (input == null || input.toString().equals("-")) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            return reader.read(lines, "stdin");
        }
        Path path = input;
        try (BufferedReader lines = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return reader.read(lines, path.toString());
        } catch (NoSuchFileException e) {
            throw new UsageException("no such input file: " + input);
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException("cannot read " + input + ": " + e.getMessage());
        }
    }

    static String toJson(Pairing pairing, double millis) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode pairs = root.putArray("pairs");
        for (Pair pair : pairing.pairs()) {
            pairs.addArray().add(pair.first().id().value()).add(pair.second().id().value());
        }
        ArrayNode unmatched = root.putArray("unmatched");
        pairing.unmatched().forEach(p -> unmatched.add(p.id().value()));
        root.put("sum_sq_gap", pairing.sumSquaredGaps());
        root.put("matched_wait", pairing.matchedWait());
        ObjectNode optimality = root.putObject("optimality");
        optimality.put("exact", pairing.optimality().exact());
        optimality.put("lower_bound_sum_sq_gap", pairing.optimality().lowerBoundSumSqGap());
        root.put("pairing_millis", Math.round(millis * 1000) / 1000.0);
        return root.toString();
    }
}
