package dev.matchwave.bot.demo;

import java.util.List;
import java.util.Objects;

/**
 * What the scripted players saw of a crash ({@code --crash-at-wave}): counted from their
 * messages, not from the bot's books (docs/demo.md, "A crash"). Immutable.
 *
 * @param wave                   the counted wave after whose commit the bot was killed
 * @param standby                whether a standby took over (else a new bot was started)
 * @param queuedBefore           players searching (not matched, as they knew it) at the crash
 * @param queuedAfter            of those, the ones still searching or matched later once the new bot was up
 * @param lost                   players queued or in a match at the crash who ended with neither: no match
 *                               found after it, not told they still queue, their match never ended
 * @param doubleMatched          players who saw "match found" for a match while another of theirs was open,
 *                               or for two matches of the crash wave
 * @param notificationsOwed      "match found" and match messages of the crash wave's players not seen at the crash
 * @param notificationsDelivered of those, the ones the players saw after the crash
 * @param duplicatesSeen         second (third...) messages a player saw of one kind for one match
 * @param downtimeMs             from the kill until the new bot was connected with its ladder started
 * @param botOwedAtHalt          the bot's own count of outbox messages not yet accepted, just before the kill
 * @param nonceReplays           message creates the local Discord answered with an earlier message (same nonce)
 * @param retriedInteractions    clicks and commands the players sent again because the bot never answered
 * @param notes                  which players were lost, saw a duplicate or were matched twice, by name
 */
public record CrashFigures(int wave, boolean standby, int queuedBefore, int queuedAfter, int lost, int doubleMatched,
                           int notificationsOwed, int notificationsDelivered, int duplicatesSeen, long downtimeMs,
                           int botOwedAtHalt, int nonceReplays, int retriedInteractions, List<String> notes) {

    public CrashFigures {
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        if (wave < 1) {
            throw new IllegalArgumentException("wave must be at least 1, got " + wave);
        }
        if (queuedAfter > queuedBefore) {
            throw new IllegalArgumentException("queuedAfter " + queuedAfter + " exceeds queuedBefore " + queuedBefore);
        }
        if (notificationsDelivered > notificationsOwed) {
            throw new IllegalArgumentException("notificationsDelivered " + notificationsDelivered
                    + " exceeds notificationsOwed " + notificationsOwed);
        }
    }
}
