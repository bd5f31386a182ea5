package dev.matchwave.bot.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rating-history line chart, drawn as inline SVG by the player page: one point per rating the
 * ledger says the player had in a race (the first entry's {@code before}, then every
 * {@code after}), oldest left. Pure geometry; immutable.
 *
 * @param points the points, oldest first
 * @param line   the polyline's {@code points} attribute
 * @param ticks  the y axis labels, lowest first
 */
public record RatingChart(List<Point> points, String line, List<Tick> ticks, int lowest, int highest) {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 140;
    static final int LEFT = 40;
    static final int RIGHT = 8;
    static final int TOP = 8;
    static final int BOTTOM = 8;

    public RatingChart {
        points = List.copyOf(points);
        ticks = List.copyOf(ticks);
    }

    /** A point at (x, y) in the view box: the rating and what changed it. */
    public record Point(String x, String y, int rating, String label) {
    }

    /** A y axis label. */
    public record Tick(String y, int rating) {
    }

    /**
     * The chart of these ratings (at least one), each with a label for its tooltip.
     */
    public static RatingChart of(List<Integer> ratings, List<String> labels) {
        if (ratings.isEmpty() || ratings.size() != labels.size()) {
            throw new IllegalArgumentException("a chart needs one label per rating and at least one rating");
        }
        int low = ratings.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int high = ratings.stream().mapToInt(Integer::intValue).max().orElseThrow();
        // A flat history sits in the middle of a 20-point band.
        int bottom = high == low ? low - 10 : low;
        int top = high == low ? high + 10 : high;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        int steps = Math.max(1, ratings.size() - 1);
        List<Point> points = new ArrayList<>(ratings.size());
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < ratings.size(); i++) {
            double x = ratings.size() == 1 ? LEFT + plotWidth / 2 : LEFT + plotWidth * i / steps;
            double y = y(ratings.get(i), bottom, top, plotHeight);
            points.add(new Point(format(x), format(y), ratings.get(i), labels.get(i)));
            if (i > 0) {
                line.append(' ');
            }
            line.append(format(x)).append(',').append(format(y));
        }
        List<Tick> ticks = List.of(new Tick(format(y(bottom, bottom, top, plotHeight)), bottom),
                new Tick(format(y(top, bottom, top, plotHeight)), top));
        return new RatingChart(points, line.toString(), ticks, low, high);
    }

    private static double y(int rating, int bottom, int top, double plotHeight) {
        return TOP + plotHeight * (top - rating) / (double) (top - bottom);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The view box, for the svg element. */
    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }
}
