package dev.matchwave.bot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a queue given as JSON lines, one player a line, for {@code matchwave pair}. Every
 * problem is reported as a {@link UsageException} naming the line; nothing is returned then,
 * so the caller never prints a partial result.
 */
final class QueueFileReader {

    /** The fields each input format reads. */
    enum Format {
        /** {@code {"id", "bw_mmr", "sc2_mmr", "wait_cycles"}}: at least one rating. */
        CROSS_GAME(Set.of("id", "bw_mmr", "sc2_mmr", "wait_cycles")),
        /** {@code {"id", "mmr", "wait_cycles"}}. */
        SINGLE(Set.of("id", "mmr", "wait_cycles")),
        /** {@code {"id"}} in queue order; other fields are accepted and ignored. */
        ORDER_ONLY(Set.of("id", "mmr", "bw_mmr", "sc2_mmr", "wait_cycles"));

        private final Set<String> known;

        Format(Set<String> known) {
            this.known = known;
        }
    }

    // Join times only order the players: line k joined k seconds after this instant.
    private static final Instant FIRST_JOIN = Instant.EPOCH;

    // Decimals read exactly, so 1e19 is seen as the whole number it is (and out of range for an id).
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final Format format;
    private final String sideForSingle;

    QueueFileReader(Format format, String sideForSingle) {
        this.format = format;
        this.sideForSingle = sideForSingle;
    }

    List<QueuedPlayer> read(BufferedReader in, String source) {
        List<QueuedPlayer> players = new ArrayList<>();
        Map<Long, Integer> lineOfId = new HashMap<>();
        int lineNumber = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                QueuedPlayer player = parse(line, lineNumber, players.size(), source);
                Integer earlier = lineOfId.putIfAbsent(player.id().value(), lineNumber);
                if (earlier != null) {
                    throw new UsageException(where(source, lineNumber) + "duplicate id " + player.id()
                            + " (first on line " + earlier + ")");
                }
                players.add(player);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return players;
    }

    private QueuedPlayer parse(String line, int lineNumber, int position, String source) {
        String at = where(source, lineNumber);
        JsonNode node;
        int end;
        try (JsonParser parser = json.createParser(line)) {
            node = json.readTree(parser);
            end = (int) parser.currentLocation().getCharOffset();
        } catch (JsonProcessingException e) {
            throw new UsageException(at + "not valid JSON (" + shortReason(e) + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new UsageException(at + "expected a JSON object such as {\"id\": 17, ...}");
        }
        refuseTrailingText(line, end, at);
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!format.known.contains(name)) {
                throw new UsageException(at + "unknown field \"" + name + "\" (expected "
                        + String.join(", ", format.known.stream().sorted().toList()) + ")");
            }
        }
        long id = requiredLong(object, "id", at, 0, Long.MAX_VALUE);
        Instant joined = FIRST_JOIN.plusSeconds(position);
        return switch (format) {
            case ORDER_ONLY -> new QueuedPlayer(new PlayerId(id), List.of(new Seat(sideForSingle, sideForSingle, 0)),
                    Preferences.NONE, joined, 0);
            case SINGLE -> {
                int wait = waitCycles(object, at);
                int mmr = (int) requiredLong(object, "mmr", at, Integer.MIN_VALUE, Integer.MAX_VALUE);
                yield new QueuedPlayer(new PlayerId(id), List.of(new Seat(sideForSingle, sideForSingle, mmr)),
                        Preferences.NONE, joined, wait);
            }
            case CROSS_GAME -> {
                int wait = waitCycles(object, at);
                List<Seat> seats = new ArrayList<>(2);
                optionalInt(object, "bw_mmr", at).ifPresent(r -> seats.add(new Seat(EvoLadderRules.SIDE_BW, EvoLadderRules.SIDE_BW, r)));
                optionalInt(object, "sc2_mmr", at).ifPresent(r -> seats.add(new Seat(EvoLadderRules.SIDE_SC2, EvoLadderRules.SIDE_SC2, r)));
                if (seats.isEmpty()) {
                    throw new UsageException(at + "player " + id + " has no rating: give bw_mmr, sc2_mmr or both");
                }
                yield new QueuedPlayer(new PlayerId(id), seats, Preferences.NONE, joined, wait);
            }
        };
    }

    /**
     * One player a line: anything but white space after the object (a second object, a comma,
     * a comment) is refused rather than silently ignored.
     */
    private static void refuseTrailingText(String line, int end, String at) {
        int next = end;
        while (next < line.length() && Character.isWhitespace(line.charAt(next))) {
            next++;
        }
        if (next == line.length()) {
            return;
        }
        String what = line.charAt(next) == '{' ? "a second JSON object" : "text after the JSON object";
        throw new UsageException(at + what + " at column " + (next + 1) + "; put one player on each line");
    }

    /** Jackson's reason without its source excerpt and location, which repeat the line. */
    private static String shortReason(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        for (String tail : new String[] {" (start marker", "\n", " at [Source"}) {
            int cut = reason.indexOf(tail);
            if (cut > 0) {
                reason = reason.substring(0, cut);
            }
        }
        return e.getLocation() == null ? reason : reason + " at column " + e.getLocation().getColumnNr();
    }

    private static int waitCycles(ObjectNode object, String at) {
        long wait = requiredLong(object, "wait_cycles", at, Long.MIN_VALUE, Long.MAX_VALUE);
        if (wait < 0) {
            throw new UsageException(at + "\"wait_cycles\" must not be negative, got " + wait);
        }
        if (wait > 10_000) {
            throw new UsageException(at + "\"wait_cycles\" is " + wait + ", more than 10000");
        }
        return (int) wait;
    }

    private static long requiredLong(ObjectNode object, String field, String at, long min, long max) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new UsageException(at + "missing field \"" + field + "\"");
        }
        return wholeNumber(value, field, at, min, max);
    }

    private static java.util.OptionalInt optionalInt(ObjectNode object, String field, String at) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of((int) wholeNumber(value, field, at, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    /**
     * The whole number {@code value} holds, from {@code min} to {@code max}. A number with a
     * fraction, or not a number, "must be a whole number"; a whole number outside the range (also
     * one written with an exponent, like {@code 1e19}) is "out of range", naming the range.
     */
    private static long wholeNumber(JsonNode value, String field, String at, long min, long max) {
        BigDecimal number = value.isNumber() ? value.decimalValue().stripTrailingZeros() : null;
        if (number == null || number.scale() > 0) {
            throw new UsageException(at + "\"" + field + "\" must be a whole number, got " + value);
        }
        // More than 19 digits is beyond any long; checked before the exact value is built, which
        // for an exponent like 1e999999999 would be huge.
        boolean inRange = number.precision() - number.scale() <= 19
                && number.compareTo(BigDecimal.valueOf(min)) >= 0 && number.compareTo(BigDecimal.valueOf(max)) <= 0;
        if (!inRange) {
            throw new UsageException(at + "\"" + field + "\" is out of range: must be from " + min + " to " + max
                    + ", got " + value);
        }
        return number.longValueExact();
    }

    private static String where(String source, int line) {
        return source + " line " + line + ": ";
    }
}
