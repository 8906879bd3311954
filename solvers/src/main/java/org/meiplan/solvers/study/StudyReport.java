package org.meiplan.solvers.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * What a study leaves beside its CSV: every plot of the spec as PNG, SVG and PDF, and
 * {@code report.html}, one self-contained page (no external file, script or font: the plots
 * are inline SVG) with what was run, on which engine, a summary table per grid point (runs,
 * failures, mean ± 95% half-width of the key metrics) and every plot with its caption.
 */
public final class StudyReport {

    /** Metrics the summary table shows, when any row has a value. */
    static final List<String> SUMMARY = List.of("joint", "sloMetFraction", "hitRatio", "meanLatency", "jobsOnTime",
            "seconds");

    private StudyReport() {
    }

    /**
     * Writes every plot and {@code report.html} into {@code dir}; returns the files written.
     * {@code engine} and {@code source} (the spec file's name) are shown in the report.
     */
    public static List<Path> write(StudySpec spec, StudyResult result, Path dir, String engine, String source)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        Map<StudySpec.PlotSpec, String> svgs = new LinkedHashMap<>();
        String caption = caption(spec, result, source);
        for (StudySpec.PlotSpec plot : spec.plots()) {
            Path file = dir.resolve(plot.file());
            XYChart chart = StudyPlots.chart(result.rows(), plot, caption);
            StudyPlots.write(chart, file);
            written.addAll(StudyPlots.files(file));
            svgs.put(plot, StudyPlots.svg(chart));
        }
        Path report = dir.resolve("report.html");
        StudyPlots.writeAtomically(html(spec, result, svgs, engine, source).getBytes(StandardCharsets.UTF_8), report);
        written.add(report);
        return written;
    }

    static String caption(StudySpec spec, StudyResult result, String source) {
        return "study " + spec.name() + " (" + source + ", " + result.rows().size() + " runs)";
    }

    /** The report page. */
    public static String html(StudySpec spec, StudyResult result, Map<StudySpec.PlotSpec, String> svgs, String engine,
            String source) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Study ")
                .append(esc(spec.name())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:64rem;margin:2rem auto;"
                        + "padding:0 1rem;color:#222;line-height:1.45}\n")
                .append("h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px"
                        + " solid #ddd}\n")
                .append("table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}th,td{border:1px solid #ddd;"
                        + "padding:.25rem .5rem;text-align:right}th{background:#f4f4f4}td.k{text-align:left}\n")
                .append("figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid #eee}"
                        + "figcaption{font-size:.85rem;color:#555}\n.meta{color:#555}.bad{color:#b00}\n")
                .append("</style></head><body>\n");
        h.append("<h1>Study ").append(esc(spec.name())).append("</h1>\n");
        if (!spec.description().isBlank()) {
            h.append("<p>").append(esc(spec.description())).append("</p>\n");
        }
        h.append(String.format(Locale.ROOT, "<p class=\"meta\">Spec %s · %d runs (%d grid points × %d seeds) · %d ran"
                + " now, %d resumed from the CSV, <span class=\"%s\">%d failed</span> · %.1f s · engine: %s · time limit"
                + " %s s per run</p>\n", esc(source), result.rows().size(), spec.points().size(), spec.seeds().size(),
                result.ran(), result.resumed(), result.failed() > 0 ? "bad" : "", result.failed(), result.seconds(),
                esc(engine), StudyRunner.number(spec.timeLimitSeconds()).replaceAll("\\.?0+$", "")));
        h.append("<h2>Grid</h2>\n<table><tr><th>Parameter</th><th>Values</th></tr>\n");
        spec.grid().forEach((key, values) -> h.append("<tr><td class=\"k\">").append(esc(StudyLabels.axis(key).title()))
                .append(" <code>").append(esc(key)).append("</code></td><td class=\"k\">")
                .append(esc(String.join(", ", values))).append("</td></tr>\n"));
        h.append("</table>\n");
        summary(h, spec, result);
        if (!svgs.isEmpty()) {
            h.append("<h2>Figures</h2>\n");
            int i = 1;
            for (Map.Entry<StudySpec.PlotSpec, String> entry : svgs.entrySet()) {
                StudySpec.PlotSpec plot = entry.getKey();
                String base = plot.file().replaceFirst("(?i)\\.png$", "");
                h.append("<figure><img alt=\"").append(esc(StudyPlots.title(plot))).append("\" src=\"data:image/svg+xml;base64,")
                        .append(Base64.getEncoder().encodeToString(entry.getValue().getBytes(StandardCharsets.UTF_8)))
                        .append("\">\n<figcaption>Figure ").append(i++).append(". ").append(esc(StudyPlots.title(plot)))
                        .append(plot.series() == null ? "" : ", one line per " + esc(StudyLabels.axis(plot.series())
                                .words().toLowerCase(Locale.ROOT)))
                        .append("; mean over the runs at each point (seeds, and grid keys not on the plot) with its 95% confidence interval (Student's t), clipped to the"
                                + " metric's range. Files: ").append(esc(base)).append(".png, .svg, .pdf.</figcaption>"
                                + "</figure>\n");
            }
        }
        List<Map<String, String>> failed = result.rows().stream().filter(r -> !r.getOrDefault("error", "").isEmpty())
                .toList();
        if (!failed.isEmpty()) {
            h.append("<h2>Failed runs</h2>\n<table><tr><th>Run</th><th>Error</th></tr>\n");
            for (Map<String, String> row : failed.subList(0, Math.min(50, failed.size()))) {
                h.append("<tr><td class=\"k\">").append(esc(row.get("run"))).append("</td><td class=\"k\">")
                        .append(esc(row.get("error"))).append("</td></tr>\n");
            }
            h.append("</table>\n");
            if (failed.size() > 50) {
                h.append("<p>… and ").append(failed.size() - 50).append(" more (see the CSV's error column).</p>\n");
            }
        }
        h.append("<p class=\"meta\">Written by meiplan study. Every number comes from the CSV beside this report.</p>\n");
        return h.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder h, StudySpec spec, StudyResult result) {
        List<String> keys = new ArrayList<>(spec.grid().keySet());
        List<String> metrics = SUMMARY.stream().filter(m -> result.rows().stream()
                .anyMatch(r -> StudyPlots.parse(r.get(m)) != null)).toList();
        Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
        for (Map<String, String> row : result.rows()) {
            StringBuilder key = new StringBuilder();
            for (String k : keys) {
                key.append(row.getOrDefault(k, "")).append('\u0000');
            }
            groups.computeIfAbsent(key.toString(), x -> new ArrayList<>()).add(row);
        }
        h.append("<h2>Summary per grid point</h2>\n<p class=\"meta\">Mean ± 95% half-width over seeds (Student's t).</p>\n");
        h.append("<table><tr>");
        for (String k : keys) {
            h.append("<th>").append(esc(StudyLabels.axis(k).words())).append("</th>");
        }
        h.append("<th>Runs</th><th>Failed</th>");
        for (String m : metrics) {
            h.append("<th>").append(esc(StudyLabels.axis(m).title())).append("</th>");
        }
        h.append("</tr>\n");
        for (List<Map<String, String>> rows : groups.values()) {
            h.append("<tr>");
            for (String k : keys) {
                h.append("<td class=\"k\">").append(esc(rows.get(0).getOrDefault(k, ""))).append("</td>");
            }
            long failed = rows.stream().filter(r -> !r.getOrDefault("error", "").isEmpty()).count();
            h.append("<td>").append(rows.size()).append("</td><td").append(failed > 0 ? " class=\"bad\"" : "").append('>')
                    .append(failed).append("</td>");
            for (String m : metrics) {
                List<Double> values = rows.stream().map(r -> StudyPlots.parse(r.get(m))).filter(v -> v != null).toList();
                if (values.isEmpty()) {
                    h.append("<td></td>");
                    continue;
                }
                StudyPlots.Point p = StudyPlots.point(0, values);
                StudyLabels.Axis axis = StudyLabels.axis(m);
                h.append("<td>").append(format(p.mean() * axis.factor()));
                if (p.n() > 1) {
                    h.append(" ± ").append(format(p.halfWidth() * axis.factor()));
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static String format(double value) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        return magnitude >= 1e4 || magnitude < 1e-3 ? String.format(Locale.ROOT, "%.3g", value)
                : String.format(Locale.ROOT, "%.4g", value);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? '?' : c);
            }
        }
        return out.toString();
    }
}
