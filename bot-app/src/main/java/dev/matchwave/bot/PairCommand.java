package dev.matchwave.bot;

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
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code matchwave pair}: pairs one queue read as JSON lines with the library's pairing and
 * prints the result as one JSON object. The wait cycles given are the ones in effect: no wave
 * runs, nothing is added.
 */
final class PairCommand implements Subcommand {

    /** One {@code --rules} choice: the rules, how input lines look, and the pairer. */
    record RuleChoice(MatchRules rules, QueueFileReader.Format format, String side, Pairer pairer) {
    }

    private final Map<String, RuleChoice> choices;

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

    PairCommand(Map<String, RuleChoice> choices) {
        this.choices = new LinkedHashMap<>(choices);
    }

    @Override
    public String name() {
        return "pair";
    }

    @Override
    public String summary() {
        return "pair a queue read as JSON lines and print the pairs as JSON";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        String rulesName = null;
        String input = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    printHelp(out);
                    return 0;
                }
                case "--rules" -> rulesName = value(args, ++i, "--rules");
                case "--input" -> input = value(args, ++i, "--input");
                default -> throw new UsageException("unknown option '" + args[i] + "' (see matchwave pair --help)");
            }
        }
        if (rulesName == null) {
            throw new UsageException("--rules is required (one of " + String.join(", ", choices.keySet()) + ")");
        }
        RuleChoice choice = choices.get(rulesName);
        if (choice == null) {
            throw new UsageException("unknown rules '" + rulesName + "' (one of " + String.join(", ", choices.keySet()) + ")");
        }
        List<QueuedPlayer> queue = readQueue(choice, input, in);

        long start = System.nanoTime();
        Pairing pairing = choice.pairer().pair(queue, choice.rules());
        double millis = (System.nanoTime() - start) / 1_000_000.0;

        out.println(toJson(pairing, millis));
        return 0;
    }

    private static List<QueuedPlayer> readQueue(RuleChoice choice, String input, InputStream stdin) {
        QueueFileReader reader = new QueueFileReader(choice.format(), choice.side());
        if (input == null || input.equals("-")) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            return reader.read(lines, "stdin");
        }
        Path path = Path.of(input);
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

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private void printHelp(PrintStream out) {
        out.println("usage: matchwave pair --rules NAME [--input FILE]");
        out.println();
        out.println("Pairs one queue and prints {\"pairs\": [[id, id], ...], \"unmatched\": [ids], \"sum_sq_gap\": n,"
                + " \"matched_wait\": n, \"optimality\": {\"exact\": bool, \"lower_bound_sum_sq_gap\": n}, \"pairing_millis\": ms}.");
        out.println("Reads JSON lines from FILE, or from standard input when FILE is missing or '-'.");
        out.println();
        out.println("  --rules evoladder  lines {\"id\": 17, \"bw_mmr\": 1620, \"sc2_mmr\": null, \"wait_cycles\": 2};");
        out.println("                     pairs are [bw_side_id, sc2_side_id]; window 100 + 50 * wait_cycles");
        out.println("  --rules single     lines {\"id\": 17, \"mmr\": 1620, \"wait_cycles\": 2}");
        out.println("  --rules fifo       lines {\"id\": 17}, in queue order; ratings are ignored");
        out.println();
        out.println("wait_cycles is the value in effect for this pairing: nothing is added to it.");
        out.println("Bad input (malformed line, missing or wrong-typed field, duplicate id, no rating)");
        out.println("is reported with its line number and exit code 2, and nothing is printed on stdout.");
        out.println();
        out.println("Example: matchwave pair --rules evoladder --input docs/examples/queue.jsonl");
    }
}
