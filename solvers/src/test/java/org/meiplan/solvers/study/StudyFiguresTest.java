package org.meiplan.solvers.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Figures a paper can use: words and units, clipped bands, readable log axes, vector files, a self-contained report. */
class StudyFiguresTest {

    /** Hit ratios near 1 with a wide spread: an unclipped band would reach above 1. */
    static List<Map<String, String>> rows() {
        List<Map<String, String>> rows = new ArrayList<>();
        double[] storage = {1e9, 1e10, 1e11, 1e12};
        double[][] hits = {{0.2, 0.5, 0.9}, {0.6, 0.99, 1.0}, {0.7, 1.0, 1.0}, {1.0, 1.0, 1.0}};
        for (String algorithm : List.of("greedy", "independent")) {
            for (int i = 0; i < storage.length; i++) {
                for (int s = 0; s < 3; s++) {
                    double hit = algorithm.equals("greedy") ? hits[i][s] : hits[i][s] * 0.9;
                    rows.add(Map.of("run", algorithm + i + "-" + s, "seed", Integer.toString(s + 1),
                            "algorithm.caching", algorithm, "storagePerSite", Double.toString(storage[i]),
                            "hitRatio", Double.toString(hit), "error", ""));
                }
            }
        }
        return rows;
    }

    static final StudySpec.PlotSpec HIT = new StudySpec.PlotSpec("storagePerSite", "hitRatio", "algorithm.caching",
            "hit.png");

    @Test
    void axesAndLegendsAreWordsWithUnits() {
        XYChart chart = StudyPlots.chart(rows(), HIT, null);
        assertThat(chart.getXAxisTitle()).isEqualTo("Storage per site (GB)");
        assertThat(chart.getYAxisTitle()).isEqualTo("Cache hit ratio");
        assertThat(chart.getTitle()).startsWith("Cache hit ratio against storage per site").contains("mean of 3 runs");
        assertThat(chart.getSeriesMap().keySet()).contains("Caching algorithm: greedy", "Caching algorithm: independent")
                .noneMatch(name -> name.contains("algorithm.caching"));
        // SI bytes in the CSV, GB on the axis
        assertThat(chart.getSeriesMap().get("Caching algorithm: greedy").getXData()).usingComparatorWithPrecision(1e-9)
                .containsExactly(1.0, 10.0, 100.0, 1000.0);
    }

    @Test
    void bandsStayWithinTheMetricsRange() {
        XYChart chart = StudyPlots.chart(rows(), HIT, null);
        List<Double> bandValues = new ArrayList<>();
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (series.getName().endsWith("(95% CI)")) {
                Arrays.stream(series.getYData()).forEach(bandValues::add);
            }
        }
        assertThat(bandValues).isNotEmpty().allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        // without clipping the t-interval of {0.6, 0.99, 1.0} reaches 1.37
        StudyPlots.Point raw = StudyPlots.point(0, List.of(0.6, 0.99, 1.0));
        assertThat(raw.mean() + raw.halfWidth()).isGreaterThan(1.0);
        assertThat(bandValues).contains(1.0);
    }

    @Test
    void wideRangesGetALogAxis() {
        XYChart chart = StudyPlots.chart(rows(), HIT, null);
        assertThat(chart.getStyler().isXAxisLogarithmic()).isTrue();
        StudySpec.PlotSpec linear = new StudySpec.PlotSpec("seed", "hitRatio", null, "x.png");
        assertThat(StudyPlots.chart(rows(), linear, null).getStyler().isXAxisLogarithmic()).isFalse();
    }

    @Test
    void pngSvgAndPdfAreWrittenAndTheReportIsSelfContained(@TempDir Path dir) throws IOException {
        StudySpec spec = new StudySpec("figs", Map.of("algorithm.caching", List.of("greedy", "independent")),
                List.of(1L, 2L, 3L), List.of("caching"), 5, 1, 1, List.of(HIT), "A <test> study");
        StudyResult result = new StudyResult(List.of("run"), rows(), 24, 0, 0, 1.0);
        List<Path> files = StudyReport.write(spec, result, dir, "local, 1 run at once", "figs.json");
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("hit.png", "hit.svg", "hit.pdf", "report.html");
        assertThat(Files.readAllBytes(dir.resolve("hit.png"))).startsWith(0x89, 'P', 'N', 'G');
        // VectorGraphics2D draws text as outlines: the SVG looks the same without the fonts
        assertThat(Files.readString(dir.resolve("hit.svg"))).contains("<svg", "viewBox=\"0 0 720 450\"");
        assertThat(new String(Files.readAllBytes(dir.resolve("hit.pdf")), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("data:image/svg+xml;base64,", "Summary per grid point", "Cache hit ratio",
                "A &lt;test&gt; study", "Caching algorithm");
        // self-contained: nothing is fetched from elsewhere
        assertThat(html).doesNotContain("src=\"http", "href=\"http", "<script", "<link");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }
}
