package dev.matchwave.bot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatingChartTest {

    @Test
    void oldestLeftHighestOnTop() {
        RatingChart chart = RatingChart.of(List.of(1500, 1520, 1480), List.of("before", "match #1", "match #2"));
        assertThat(chart.points()).extracting(RatingChart.Point::rating).containsExactly(1500, 1520, 1480);
        assertThat(chart.points()).extracting(RatingChart.Point::x).containsExactly("40.0", "176.0", "312.0");
        // 1520 at the top of the plot, 1480 at its bottom (y grows downwards).
        assertThat(chart.points()).extracting(RatingChart.Point::y).containsExactly("70.0", "8.0", "132.0");
        assertThat(chart.line()).isEqualTo("40.0,70.0 176.0,8.0 312.0,132.0");
        assertThat(chart.ticks()).extracting(RatingChart.Tick::rating).containsExactly(1480, 1520);
    }

    @Test
    void aFlatHistoryIsDrawnInTheMiddle() {
        RatingChart chart = RatingChart.of(List.of(1500), List.of("before"));
        assertThat(chart.points()).singleElement().satisfies(p -> {
            assertThat(p.y()).isEqualTo("70.0");
            assertThat(p.x()).isEqualTo("176.0");
        });
    }

    @Test
    void needsALabelPerRating() {
        assertThatThrownBy(() -> RatingChart.of(List.of(1500, 1510), List.of("one")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RatingChart.of(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
