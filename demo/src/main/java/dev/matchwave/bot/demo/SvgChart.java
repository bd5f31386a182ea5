package dev.matchwave.bot.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Inline SVG charts for the HTML report, drawn here so the page needs nothing from the
 * network. Every text in them is escaped. Stateless.
 */
final class SvgChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 280;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 56;

    /** One bar: its label under it, its height, and an optional second value drawn as a tick. */
    record Bar(String label, double value, double tick, String tooltip) {
    }

    /** One series of a grouped bar chart. */
    record Series(String name, String cssClass, List<Bar> bars) {
    }

    private SvgChart() {
    }

    /**
     * A histogram of values in bins of a round width from 0 ({@code [lo, hi)} each).
     *
     * @param minWidth the smallest bin width worth showing, in the values' unit
     * @param discrete whether the values are whole counts (a bin of 0 to 49 is labelled so) or
     *                 continuous (a bin from 0 to 50 is labelled 0-50)
     * @param label    a value as text
     */
    static List<Bar> histogram(long[] values, long minWidth, boolean discrete, LongFunction<String> label,
                               String unit) {
        if (values.length == 0) {
            return List.of();
        }
        long max = 0;
        for (long v : values) {
            max = Math.max(max, v);
        }
        long width = niceWidth(Math.max(minWidth, (max + 1 + 11) / 12));
        int bins = (int) (max / width) + 1;
        long[] counts = new long[bins];
        for (long v : values) {
            counts[(int) (v / width)]++;
        }
        List<Bar> bars = new ArrayList<>(bins);
        for (int i = 0; i < bins; i++) {
            long lo = i * width;
            long hi = discrete ? lo + width - 1 : lo + width;
            String range = lo == hi ? label.apply(lo) : label.apply(lo) + "\u2013" + label.apply(hi);
            bars.add(new Bar(range, counts[i], Double.NaN, range + " " + unit + ": " + counts[i]));
        }
        return bars;
    }

    /** The smallest 1, 2 or 5 times a power of ten that is at least {@code raw} (and at least 1). */
    static long niceWidth(long raw) {
        long power = 1;
        while (true) {
            for (long step : new long[] {1, 2, 5}) {
                if (step * power >= raw) {
                    return step * power;
                }
            }
            power *= 10;
        }
    }

    /** A bar chart of one or more series side by side per label; an empty chart says so. */
    static String bars(String title, String yUnit, List<String> labels, List<Series> series) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(DemoReport.escape(title)).append("\">");
        svg.append("<title>").append(DemoReport.escape(title)).append("</title>");
        double top = 0;
        for (Series s : series) {
            for (Bar b : s.bars()) {
                top = Math.max(top, b.value());
                if (!Double.isNaN(b.tick())) {
                    top = Math.max(top, b.tick());
                }
            }
        }
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        if (labels.isEmpty()) {
            svg.append(text(WIDTH / 2.0, HEIGHT / 2.0, "middle", "empty", "no data")).append("</svg>");
            return svg.toString();
        }
        double yMax = niceAxis(top);
        for (int g = 0; g <= 4; g++) {
            double v = yMax * g / 4;
            double y = TOP + plotH - plotH * v / yMax;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
            svg.append(text(LEFT - 6, y + 4, "end", "axis", number(v)));
        }
        svg.append(text(12, TOP + plotH / 2.0, "middle", "axis unit", yUnit));
        double group = (double) plotW / labels.size();
        double barW = Math.max(1, group * 0.8 / series.size());
        int labelEvery = Math.max(1, (int) Math.ceil(labels.size() / 24.0));
        for (int i = 0; i < labels.size(); i++) {
            double x0 = LEFT + i * group + group * 0.1;
            for (int s = 0; s < series.size(); s++) {
                Series ser = series.get(s);
                if (i >= ser.bars().size()) {
                    continue;
                }
                Bar b = ser.bars().get(i);
                double h = plotH * b.value() / yMax;
                double x = x0 + s * barW;
                svg.append("<rect class=\"").append(ser.cssClass()).append("\" x=\"").append(fmt(x))
                        .append("\" y=\"").append(fmt(TOP + plotH - h)).append("\" width=\"").append(fmt(barW))
                        .append("\" height=\"").append(fmt(h)).append("\"><title>")
                        .append(DemoReport.escape(ser.name() + ", " + b.tooltip())).append("</title></rect>");
                if (!Double.isNaN(b.tick())) {
                    double ty = TOP + plotH - plotH * b.tick() / yMax;
                    svg.append("<line class=\"tick ").append(ser.cssClass()).append("\" x1=\"").append(fmt(x))
                            .append("\" x2=\"").append(fmt(x + barW)).append("\" y1=\"").append(fmt(ty))
                            .append("\" y2=\"").append(fmt(ty)).append("\"/>");
                }
            }
            if (i % labelEvery == 0) {
                svg.append(text(LEFT + (i + 0.5) * group, TOP + plotH + 16, "middle", "axis", labels.get(i)));
            }
        }
        svg.append("<line class=\"base\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(TOP + plotH).append("\" y2=\"").append(TOP + plotH).append("\"/>");
        double lx = LEFT;
        for (Series s : series) {
            svg.append("<rect class=\"").append(s.cssClass()).append("\" x=\"").append(fmt(lx)).append("\" y=\"")
                    .append(HEIGHT - 18).append("\" width=\"10\" height=\"10\"/>");
            svg.append(text(lx + 14, HEIGHT - 9, "start", "legend", s.name()));
            lx += 24 + 7.5 * s.name().length();
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** A round axis top at or above {@code top}: 1, 2 or 5 times a power of ten (1 when top is 0). */
    static double niceAxis(double top) {
        if (!(top > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(top)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= top) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String text(double x, double y, String anchor, String cssClass, String content) {
        String rotate = cssClass.contains("unit") ? " transform=\"rotate(-90 " + fmt(x) + " " + fmt(y) + ")\"" : "";
        return "<text class=\"" + cssClass + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor
                + "\"" + rotate + ">" + DemoReport.escape(content) + "</text>";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
