package dev.matchwave.matchmaking.ladder.rank;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.RatingKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The ranks and leaderboard of one moment. Immutable and thread-safe: queries never block and
 * never see a later change.
 */
public final class LeaderboardSnapshot {

    private final LeaderboardRules rules;
    private final Instant takenAt;
    private final Ranks ranks;
    private final List<Line> lines;

    private record Line(String name, String country, String rank, PlayerRating rating) {
    }

    private LeaderboardSnapshot(LeaderboardRules rules, Instant takenAt, Ranks ranks, List<Line> lines) {
        this.rules = rules;
        this.takenAt = takenAt;
        this.ranks = ranks;
        this.lines = lines;
    }

    /**
     * Ranks {@code ratings} as of {@code now} and keeps the ranked entries, best first.
     *
     * @param players the players the ratings belong to, for names and countries; missing ones
     *                show their id and {@code ZZ}
     */
    public static LeaderboardSnapshot of(LeaderboardRules rules, Collection<PlayerRating> ratings,
                                         Map<PlayerId, Player> players, Instant now) {
        Objects.requireNonNull(rules, "rules");
        Ranks ranks = Ranks.of(rules.ranks(), ratings, now);
        List<Line> lines = new ArrayList<>(ranks.ranked().size());
        for (PlayerRating rating : ranks.ranked()) {
            Optional<PlayerProfile> profile = Optional.ofNullable(players.get(rating.player()))
                    .flatMap(Player::profile);
            lines.add(new Line(profile.map(PlayerProfile::userId).orElse(rating.player().toString()),
                    profile.map(PlayerProfile::country).orElse("ZZ"),
                    ranks.letterOf(RatingKey.of(rating), rules.ranks()), rating));
        }
        return new LeaderboardSnapshot(rules, now, ranks, List.copyOf(lines));
    }

    /** An empty leaderboard. */
    public static LeaderboardSnapshot empty(LeaderboardRules rules, Instant now) {
        return of(rules, List.of(), Map.of(), now);
    }

    public Instant takenAt() {
        return takenAt;
    }

    public Ranks ranks() {
        return ranks;
    }

    /** The letter rank of one (player, race); the unranked letter if he is not ranked with it. */
    public String rankOf(PlayerId player, String race) {
        return ranks.letterOf(new RatingKey(player, race), rules.ranks());
    }

    /** One page of the rows the query selects, in leaderboard order; unranked entries are never shown. */
    public LeaderboardPage page(LeaderboardQuery query) {
        List<Line> selected = new ArrayList<>();
        Set<PlayerId> seen = new HashSet<>();
        for (Line line : lines) {
            // Lines are best first, so a player's first line is his best race.
            if (query.bestRaceOnly() && !seen.add(line.rating().player())) {
                continue;
            }
            if (query.country().map(c -> !c.equalsIgnoreCase(line.country())).orElse(false)
                    || query.race().map(r -> !r.equals(line.rating().race())).orElse(false)
                    || query.rank().map(r -> !r.equals(line.rank())).orElse(false)) {
                continue;
            }
            selected.add(line);
        }
        int pages = Math.max(1, Math.min(rules.maxPages(), (selected.size() + rules.pageSize() - 1) / rules.pageSize()));
        int page = Math.min(query.page(), pages);
        int from = (page - 1) * rules.pageSize();
        int to = Math.min(from + rules.pageSize(), selected.size());
        List<LeaderboardRow> rows = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            Line line = selected.get(i);
            rows.add(new LeaderboardRow(i + 1, line.name(), line.country(), line.rank(), line.rating()));
        }
        return new LeaderboardPage(rows, page, pages, selected.size());
    }
}
