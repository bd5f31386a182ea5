package dev.matchwave.queue.redis;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fixed part of an entry (seats, preferences, join time, deadline) as one Redis string:
 * space-separated fields, each text URL-encoded so no separator can appear inside one.
 * Wait cycles and the contact change, so they live in their own hashes. Stateless.
 */
final class EntryCodec {

    private EntryCodec() {
    }

    /** {@code v1 joinedMicros deadlineMicros region|- seats(side,race,rating;...) vetoes(map;...)} */
    static String encode(QueuedPlayer player, Instant deadline) {
        StringBuilder seats = new StringBuilder();
        for (Seat seat : player.seats()) {
            if (!seats.isEmpty()) {
                seats.append(';');
            }
            seats.append(text(seat.side())).append(',').append(text(seat.race())).append(',').append(seat.rating());
        }
        List<String> vetoes = new ArrayList<>();
        new TreeSet<>(player.preferences().vetoedMaps()).forEach(map -> vetoes.add(text(map)));
        return "v1 " + micros(player.joinedAt()) + " " + micros(deadline) + " "
                + player.preferences().homeRegion().map(EntryCodec::text).orElse("-") + " " + seats + " "
                + (vetoes.isEmpty() ? "-" : String.join(";", vetoes));
    }

    record Decoded(QueuedPlayer player, Instant deadline) {
    }

    static Decoded decode(PlayerId id, String value, int waitCycles) {
        String[] fields = value.split(" ", -1);
        if (fields.length != 6 || !fields[0].equals("v1")) {
            throw new IllegalStateException("queue entry of player " + id + " is not in a known format: " + value);
        }
        List<Seat> seats = new ArrayList<>();
        for (String seat : fields[4].split(";")) {
            String[] parts = seat.split(",", -1);
            seats.add(new Seat(untext(parts[0]), untext(parts[1]), Integer.parseInt(parts[2])));
        }
        Set<String> vetoes = new TreeSet<>();
        if (!fields[5].equals("-")) {
            for (String map : fields[5].split(";")) {
                vetoes.add(untext(map));
            }
        }
        Optional<String> region = fields[3].equals("-") ? Optional.empty() : Optional.of(untext(fields[3]));
        QueuedPlayer player = new QueuedPlayer(id, seats, new Preferences(vetoes, region), instant(fields[1]),
                waitCycles);
        return new Decoded(player, instant(fields[2]));
    }

    static long micros(Instant instant) {
        Instant t = instant.truncatedTo(ChronoUnit.MICROS);
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    static Instant instant(String micros) {
        long value = Long.parseLong(micros);
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
    }

    private static String text(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String untext(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
