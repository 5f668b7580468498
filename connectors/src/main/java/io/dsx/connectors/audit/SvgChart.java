package io.dsx.connectors.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * An inline SVG line chart of counts per day, one line per series (the {@link #MAX_SERIES} largest;
 * the rest summed as one), with axes, a legend and a {@code <title>} per point. No script, no
 * external asset.
 */
final class SvgChart {
    static final int MAX_SERIES = 8;
    private static final String[] COLORS = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#17becf"
    };
    private static final int W = 760, H = 260, LEFT = 60, RIGHT = 180, TOP = 16, BOTTOM = 40;

    private SvgChart() {}

    static String lines(String title, NavigableMap<LocalDate, Map<String, Long>> byDay) {
        if (byDay.isEmpty()) {
            return "<p class=\"empty\">No records were released.</p>";
        }
        Map<String, long[]> series = series(byDay);
        List<LocalDate> days = new ArrayList<>(byDay.keySet());
        long max = 1;
        for (long[] v : series.values()) {
            for (long x : v) {
                max = Math.max(max, x);
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(W)
                .append("\" height=\"")
                .append(H)
                .append("\" viewBox=\"0 0 ")
                .append(W)
                .append(' ')
                .append(H)
                .append("\"><title>")
                .append(Html.esc(title))
                .append("</title>");
        int plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
        svg.append(line(LEFT, TOP, LEFT, TOP + plotH)).append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH));
        svg.append(text(LEFT - 6, TOP + 10, "end", Long.toString(max)))
                .append(text(LEFT - 6, TOP + plotH, "end", "0"))
                .append(text(LEFT, H - 12, "start", days.get(0).toString()));
        if (days.size() > 1) {
            svg.append(
                    text(LEFT + plotW, H - 12, "end", days.get(days.size() - 1).toString()));
        }
        int i = 0;
        for (Map.Entry<String, long[]> s : series.entrySet()) {
            String color = COLORS[i % COLORS.length];
            StringBuilder points = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            long[] v = s.getValue();
            for (int d = 0; d < v.length; d++) {
                double x = LEFT + (days.size() == 1 ? plotW / 2.0 : (double) plotW * d / (days.size() - 1));
                double y = TOP + plotH - (double) plotH * v[d] / max;
                points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
                dots.append(String.format(
                                java.util.Locale.ROOT,
                                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\">",
                                x,
                                y,
                                color))
                        .append("<title>")
                        .append(Html.esc(s.getKey() + ", " + days.get(d) + ": " + v[d]))
                        .append("</title></circle>");
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
                    .append(color)
                    .append("\" points=\"")
                    .append(points.toString().strip())
                    .append("\"/>")
                    .append(dots);
            int ly = TOP + 12 + 18 * i;
            svg.append("<rect x=\"")
                    .append(W - RIGHT + 12)
                    .append("\" y=\"")
                    .append(ly - 9)
                    .append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(color)
                    .append("\"/>")
                    .append(text(W - RIGHT + 28, ly, "start", shorten(s.getKey())));
            i++;
        }
        return svg.append("</svg>").toString();
    }

    /** Per series, the count of each day; the largest series first, the rest summed as "(other)". */
    private static Map<String, long[]> series(NavigableMap<LocalDate, Map<String, Long>> byDay) {
        Map<String, Long> totals = new LinkedHashMap<>();
        byDay.values().forEach(m -> m.forEach((k, v) -> totals.merge(k, v, Long::sum)));
        List<String> names = totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
        List<String> shown = names.size() <= MAX_SERIES ? names : names.subList(0, MAX_SERIES - 1);
        Map<String, long[]> out = new LinkedHashMap<>();
        shown.forEach(n -> out.put(n, new long[byDay.size()]));
        if (names.size() > shown.size()) {
            out.put(ReportData.OTHER, new long[byDay.size()]);
        }
        int d = 0;
        for (Map<String, Long> day : byDay.values()) {
            for (Map.Entry<String, Long> e : day.entrySet()) {
                String key = out.containsKey(e.getKey()) && shown.contains(e.getKey()) ? e.getKey() : ReportData.OTHER;
                out.get(key)[d] += e.getValue();
            }
            d++;
        }
        return out;
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"#444\"/>";
    }

    private static String text(int x, int y, String anchor, String s) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" font-size=\"11\">" + Html.esc(s)
                + "</text>";
    }

    private static String shorten(String s) {
        return s.length() > 22 ? s.substring(0, 21) + "\u2026" : s;
    }
}
