package com.example.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.queue.JoinResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EmbeddedLadderTest {

    @Test
    void aWavePairsTheClosestPlayersAndEachHearsMatchFoundBeforeHisDetails() {
        try (EmbeddedLadder ladder = new EmbeddedLadder()) {
            int[] ratings = {1500, 1530, 1910, 1870, 2400};
            for (int i = 0; i < ratings.length; i++) {
                assertInstanceOf(JoinResult.Joined.class, ladder.join(i + 1, ratings[i]));
            }
            assertInstanceOf(JoinResult.AlreadyQueued.class, ladder.join(1, 1500), "a second join changes nothing");

            EmbeddedLadder.WaveReport wave = ladder.nextWave();

            Set<Set<Long>> pairs = wave.pairs().stream().map(EmbeddedLadderTest::ids).collect(Collectors.toSet());
            assertEquals(Set.of(Set.of(1L, 2L), Set.of(3L, 4L)), pairs, "the two closest pairs; 2400 waits");
            assertEquals(1, wave.stillQueued());
            assertEquals(0, wave.figures().rateLimited());
            assertEquals(List.of(), ladder.undelivered());
            assertEquals(4, wave.figures().players());

            Map<PlayerId, List<String>> seen = ladder.transcripts();
            assertEquals(4, seen.size(), "the four matched players heard from the bot");
            seen.forEach((player, lines) -> {
                assertEquals(2, lines.size(), player + " saw " + lines);
                assertTrue(lines.get(0).startsWith("Match found"), player + " first saw " + lines.get(0));
                assertTrue(lines.get(1).contains("Fighting Spirit"), player + " then saw " + lines.get(1));
            });
        }
    }

    private static Set<Long> ids(Pair pair) {
        return Set.of(pair.first().id().value(), pair.second().id().value());
    }
}
