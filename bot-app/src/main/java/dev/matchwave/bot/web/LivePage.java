package dev.matchwave.bot.web;

import java.util.List;

/**
 * What the live page shows. Immutable.
 *
 * @param categories queued players per category (BW only, SC2 only, both)
 * @param waves      the last waves, newest first
 */
public record LivePage(String at, int queued, List<Count> categories, int activePopulation, String nextWave,
                       long lastWave, int matchesInProgress, List<WaveRow> waves) {

    public LivePage {
        categories = List.copyOf(categories);
        waves = List.copyOf(waves);
    }

    public record Count(String label, int count) {
    }

    /** A wave as shown: figures not known yet read "-". */
    public record WaveRow(long number, String at, int queued, int matches, int pairs, String maxPairs, String phase1,
                          String phase2) {
    }
}
