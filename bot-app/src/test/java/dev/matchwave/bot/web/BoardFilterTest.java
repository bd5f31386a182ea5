package dev.matchwave.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoardFilterTest {

    private static BoardFilter.Parsed parse(Map<String, List<String>> parameters) {
        return BoardFilter.parse(parameters, LeaderboardRules.REFERENCE);
    }

    @Test
    void readsEveryFilterAndWritesTheSameUrl() {
        BoardFilter.Parsed parsed = parse(LadderWebsite.parameters("race=sc2_terran&country=de&rank=c&best=1&page=3"));
        assertThat(parsed).isEqualTo(new BoardFilter.Parsed.Valid(new BoardFilter(Optional.of("sc2_terran"),
                Optional.of("DE"), Optional.of("C"), true, 3)));
        BoardFilter filter = ((BoardFilter.Parsed.Valid) parsed).filter();
        assertThat(filter.url()).isEqualTo("/leaderboard?race=sc2_terran&country=DE&rank=C&best=1&page=3");
        assertThat(filter.onPage(1).url()).isEqualTo("/leaderboard?race=sc2_terran&country=DE&rank=C&best=1");
        assertThat(filter.query().page()).isEqualTo(3);
    }

    @Test
    void emptyValuesAreNoFilter() {
        assertThat(parse(LadderWebsite.parameters("race=&country=&rank="))).isEqualTo(
                new BoardFilter.Parsed.Valid(BoardFilter.NONE));
        assertThat(BoardFilter.NONE.url()).isEqualTo("/leaderboard");
    }

    @Test
    void namesEveryProblem() {
        BoardFilter.Parsed parsed = parse(LadderWebsite.parameters(
                "race=bw_ghost&country=XX&rank=Q&best=yes&page=0&sort=rating&page=2"));
        assertThat(parsed).isInstanceOf(BoardFilter.Parsed.Invalid.class);
        assertThat(((BoardFilter.Parsed.Invalid) parsed).problems()).anySatisfy(p -> assertThat(p).contains("bw_ghost"))
                .anySatisfy(p -> assertThat(p).contains("unknown country \"XX\""))
                .anySatisfy(p -> assertThat(p).contains("unknown rank \"Q\""))
                .anySatisfy(p -> assertThat(p).contains("\"best\" must be 1"))
                .anySatisfy(p -> assertThat(p).contains("unknown parameter \"sort\""))
                .anySatisfy(p -> assertThat(p).contains("\"page\" is given 2 times"));
        assertThat(parse(LadderWebsite.parameters("page=26"))).isInstanceOf(BoardFilter.Parsed.Invalid.class);
        assertThat(parse(LadderWebsite.parameters("page=x"))).isInstanceOf(BoardFilter.Parsed.Invalid.class);
    }

    @Test
    void aValueIsEscapedInTheUrl() {
        BoardFilter filter = new BoardFilter(Optional.of("a b&c"), Optional.empty(), Optional.empty(), false, 1);
        assertThat(filter.url()).isEqualTo("/leaderboard?race=a%20b%26c");
        assertThat(LadderWebsite.parameters("race=a%20b%26c")).isEqualTo(Map.of("race", List.of("a b&c")));
    }
}
