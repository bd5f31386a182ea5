package dev.matchwave.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
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

    private final ObjectMapper json = new ObjectMapper();
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
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new UsageException(at + "not valid JSON (" + shortReason(e) + ")");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new UsageException(at + "expected a JSON object such as {\"id\": 17, ...}");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!format.known.contains(name)) {
                throw new UsageException(at + "unknown field \"" + name + "\" (expected "
                        + String.join(", ", format.known.stream().sorted().toList()) + ")");
            }
        }
        long id = requiredLong(object, "id", at);
        if (id < 0) {
            throw new UsageException(at + "\"id\" must not be negative, got " + id);
        }
        Instant joined = FIRST_JOIN.plusSeconds(position);
        return switch (format) {
            case ORDER_ONLY -> new QueuedPlayer(new PlayerId(id), List.of(new Seat(sideForSingle, sideForSingle, 0)),
                    Preferences.NONE, joined, 0);
            case SINGLE -> {
                int wait = waitCycles(object, at);
                int mmr = (int) requiredLong(object, "mmr", at);
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
        long wait = requiredLong(object, "wait_cycles", at);
        if (wait < 0) {
            throw new UsageException(at + "\"wait_cycles\" must not be negative, got " + wait);
        }
        if (wait > 10_000) {
            throw new UsageException(at + "\"wait_cycles\" is " + wait + ", more than 10000");
        }
        return (int) wait;
    }

    private static long requiredLong(ObjectNode object, String field, String at) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new UsageException(at + "missing field \"" + field + "\"");
        }
        return wholeNumber(value, field, at);
    }

    private static java.util.OptionalInt optionalInt(ObjectNode object, String field, String at) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of((int) wholeNumber(value, field, at));
    }

    private static long wholeNumber(JsonNode value, String field, String at) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() && !field.equals("id")) {
            throw new UsageException(at + "\"" + field + "\" must be a whole number, got " + value);
        }
        if (!value.canConvertToLong()) {
            throw new UsageException(at + "\"" + field + "\" is too large: " + value);
        }
        return value.asLong();
    }

    private static String where(String source, int line) {
        return source + " line " + line + ": ";
    }
}
