package dev.matchwave.bot.demo;

import dev.matchwave.emulator.MessageEvent;
import dev.matchwave.emulator.SeenMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The players' side of a crash: every message change each scripted player saw that says where
 * he stands (searching, "match found", his match message, the end of a match), with its time
 * and message id; at the end, {@link #figures} counts the crash from these alone.
 *
 * <p>Kinds, from what the player sees: "match found" is a message showing "Match found" and the
 * match's number; the match message is one the bot created in his DM channel (not an answer to
 * an interaction) that names the match and is neither "match found", a reminder nor the end; the
 * end is "is over:", "the reports differ" or "was aborted"; searching is a message showing
 * "Searching".
 *
 * <p>Thread-safe: the feed's thread adds, the demo reads at the end.
 */
final class CrashWatch {

    private static final Pattern MATCH_NUMBER = Pattern.compile("#(\\d+)");

    enum Kind { SEARCHING, FOUND, DETAILS, ENDED }

    /** One sighting: when, what, of which match (0 for searching), in which message. */
    record Sighting(Instant at, Kind kind, long matchId, long messageId) {
    }

    private final Map<String, Long> dmChannelOf = new ConcurrentHashMap<>();
    private final Map<String, List<Sighting>> byPlayer = new ConcurrentHashMap<>();

    /** A scripted player: his inbox's owner and his DM channel. */
    void player(String owner, long dmChannelId) {
        dmChannelOf.put(owner, dmChannelId);
        byPlayer.put(owner, new ArrayList<>());
    }

    /** A message change, as the feed routed it. */
    void seen(MessageFeed.Routed routed) {
        Inbox inbox = routed.inbox();
        if (inbox == null || routed.event().kind() == MessageEvent.Kind.DELETED) {
            return;
        }
        List<Sighting> log = byPlayer.get(inbox.owner());
        if (log == null) {
            return;
        }
        classify(routed.event(), dmChannelOf.get(inbox.owner())).ifPresent(sighting -> {
            synchronized (log) {
                log.add(sighting);
            }
        });
    }

    /** What the change tells its player, if anything. */
    static Optional<Sighting> classify(MessageEvent event, @Nullable Long dmChannel) {
        SeenMessage message = event.message();
        Matcher number = MATCH_NUMBER.matcher(message.text());
        long matchId = number.find() ? Long.parseLong(number.group(1)) : 0;
        if (matchId != 0 && message.shows("Match found")) {
            return Optional.of(new Sighting(event.at(), Kind.FOUND, matchId, message.id()));
        }
        if (matchId != 0 && ScriptedPlayer.ended(message)) {
            return Optional.of(new Sighting(event.at(), Kind.ENDED, matchId, message.id()));
        }
        if (matchId != 0 && dmChannel != null && message.channelId() == dmChannel
                && message.interactionId().isEmpty() && !message.shows("Reminder")) {
            return Optional.of(new Sighting(event.at(), Kind.DETAILS, matchId, message.id()));
        }
        if (matchId == 0 && message.shows("Searching")) {
            return Optional.of(new Sighting(event.at(), Kind.SEARCHING, 0, message.id()));
        }
        return Optional.empty();
    }

    /** Each player's sightings so far, in the order seen. */
    Map<String, List<Sighting>> sightings() {
        Map<String, List<Sighting>> copy = new TreeMap<>();
        byPlayer.forEach((owner, log) -> {
            synchronized (log) {
                copy.put(owner, List.copyOf(log));
            }
        });
        return copy;
    }

    /** Where a player stood at a moment, as he knew it. */
    private record Standing(boolean searching, long openMatch) {
    }

    private static Standing standingAt(List<Sighting> log, Instant moment) {
        boolean searching = false;
        long open = 0;
        for (Sighting s : log) {
            if (!s.at().isBefore(moment)) {
                break;
            }
            switch (s.kind()) {
                case SEARCHING -> searching = open == 0;
                case FOUND -> {
                    if (open != s.matchId()) {
                        open = s.matchId();
                        searching = false;
                    }
                }
                case ENDED -> {
                    if (open == s.matchId()) {
                        open = 0;
                    }
                }
                case DETAILS -> {
                }
            }
        }
        return new Standing(searching && open == 0, open);
    }

    /**
     * The crash as the players saw it.
     *
     * @param wave          the crash wave's index among the counted waves
     * @param crashMatches  the crash wave's matches: match id to its two players (inbox owners)
     * @param haltedAt      when the bot was killed
     * @param upAt          when the new bot was connected with its ladder started; null if never
     */
    static CrashFigures figures(Map<String, List<Sighting>> sightings, int wave, boolean standby,
                                Map<Long, List<String>> crashMatches, Instant haltedAt, @Nullable Instant upAt,
                                int botOwedAtHalt, int nonceReplays, int retried) {
        Objects.requireNonNull(haltedAt, "haltedAt");
        List<String> notes = new ArrayList<>();
        int queuedBefore = 0;
        int queuedAfter = 0;
        int lost = 0;
        int doubleMatched = 0;
        int duplicates = 0;
        Map<String, Set<Long>> crashMatchOf = new HashMap<>();
        crashMatches.forEach((match, players) -> players.forEach(
                p -> crashMatchOf.computeIfAbsent(p, x -> new HashSet<>()).add(match)));
        for (Map.Entry<String, List<Sighting>> entry : sightings.entrySet()) {
            String player = entry.getKey();
            List<Sighting> log = entry.getValue();
            Standing before = standingAt(log, haltedAt);
            List<Sighting> after = log.stream().filter(s -> !s.at().isBefore(haltedAt)).toList();
            if (before.searching()) {
                queuedBefore++;
                boolean matchedLater = after.stream().anyMatch(s -> s.kind() == Kind.FOUND);
                boolean told = upAt != null && after.stream()
                        .anyMatch(s -> s.kind() == Kind.SEARCHING && !s.at().isBefore(upAt));
                if (matchedLater || told) {
                    queuedAfter++;
                } else {
                    lost++;
                    notes.add(player + " was searching at the crash and after it saw no match and no word that he"
                            + " still queues");
                }
            } else if (before.openMatch() != 0) {
                long match = before.openMatch();
                boolean ended = after.stream().anyMatch(s -> s.kind() == Kind.ENDED && s.matchId() == match);
                if (!ended) {
                    lost++;
                    notes.add(player + " was in match #" + match + " at the crash and never saw it end; what he saw of it: "
                            + log.stream().filter(s -> s.matchId() == match)
                                    .map(s -> s.kind() + " in " + s.messageId() + " at " + s.at()).toList());
                }
            }
            // Two open matches at once, as he saw them.
            long open = 0;
            boolean twice = false;
            for (Sighting s : log) {
                if (s.kind() == Kind.FOUND && s.matchId() != open) {
                    if (open != 0 && !endedBefore(log, open, s)) {
                        twice = true;
                        notes.add(player + " saw \"match found\" for #" + s.matchId() + " while #" + open
                                + " was open");
                    }
                    open = s.matchId();
                } else if (s.kind() == Kind.ENDED && s.matchId() == open) {
                    open = 0;
                }
            }
            Set<Long> crashFound = new HashSet<>();
            log.stream().filter(s -> s.kind() == Kind.FOUND && crashMatches.containsKey(s.matchId()))
                    .forEach(s -> crashFound.add(s.matchId()));
            Set<Long> crashOwn = crashMatchOf.getOrDefault(player, Set.of());
            if (crashFound.size() > 1 || crashOwn.size() > 1) {
                if (!twice) {
                    notes.add(player + " was matched twice in the crash wave: " + crashFound + " " + crashOwn);
                }
                twice = true;
            }
            doubleMatched += twice ? 1 : 0;
            // The same kind of message for the same match in two messages.
            Map<String, Set<Long>> messages = new TreeMap<>();
            for (Sighting s : log) {
                if (s.kind() == Kind.FOUND || s.kind() == Kind.DETAILS) {
                    messages.computeIfAbsent(s.kind() + " #" + s.matchId(), k -> new HashSet<>()).add(s.messageId());
                }
            }
            for (Map.Entry<String, Set<Long>> seen : messages.entrySet()) {
                if (seen.getValue().size() > 1) {
                    duplicates += seen.getValue().size() - 1;
                    notes.add(player + " saw " + seen.getValue().size() + " messages of "
                            + seen.getKey().replace("FOUND", "\"match found\"").replace("DETAILS", "the match message")
                            + ": " + new java.util.TreeSet<>(seen.getValue()));
                }
            }
        }
        int owed = 0;
        int delivered = 0;
        for (Map.Entry<Long, List<String>> match : crashMatches.entrySet()) {
            for (String player : match.getValue()) {
                List<Sighting> log = sightings.getOrDefault(player, List.of());
                for (Kind kind : List.of(Kind.FOUND, Kind.DETAILS)) {
                    boolean seenBefore = log.stream().anyMatch(s -> s.kind() == kind && s.matchId() == match.getKey()
                            && s.at().isBefore(haltedAt));
                    if (!seenBefore) {
                        owed++;
                        // What a later message says covers it: the match message tells the match was
                        // found, and the end of the match makes its "match found" and match message moot.
                        boolean seenAfter = log.stream().anyMatch(s -> s.matchId() == match.getKey()
                                && (s.kind() == kind || s.kind() == Kind.ENDED
                                        || (kind == Kind.FOUND && s.kind() == Kind.DETAILS)));
                        if (seenAfter) {
                            delivered++;
                        } else {
                            notes.add(player + " never saw " + (kind == Kind.FOUND ? "\"match found\"" : "the match"
                                    + " message") + " of #" + match.getKey() + ", owed at the crash");
                        }
                    }
                }
            }
        }
        long downtime = upAt == null ? -1 : Math.max(0, Duration.between(haltedAt, upAt).toMillis());
        return new CrashFigures(wave, standby, queuedBefore, queuedAfter, lost, doubleMatched, owed, delivered,
                duplicates, downtime, botOwedAtHalt, nonceReplays, retried, notes);
    }

    private static boolean endedBefore(List<Sighting> log, long match, Sighting found) {
        return log.stream().anyMatch(s -> s.kind() == Kind.ENDED && s.matchId() == match
                && !s.at().isAfter(found.at()));
    }
}
