package org.meiplan.solvers.study;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.pdf.PDFProcessor;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.apache.commons.math3.distribution.TDistribution;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line plots of a study: the mean of a metric against a parameter, one line per series value,
 * each with its 95% confidence band over seeds (Student's t, drawn as a shaded polygon between
 * the lower and upper limits, clipped to the range the metric can take). Axis titles and
 * legends are words with units ({@link StudyLabels}); an x axis whose positive values span
 * two decades or more is logarithmic with a tick at every decade. Written as PNG (200 dpi),
 * SVG and PDF with XChart (VectorGraphics2D for the vector formats).
 */
public final class StudyPlots {

    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    /** Width and height of a plot, pt (PNG pixels at 72 dpi; the PNG is written at 200 dpi). */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 450;

    private StudyPlots() {
    }

    /** Mean and 95% confidence half-width of one (series, x) cell. */
    public record Point(double x, double mean, double halfWidth, int n) {
    }

    /**
     * The points of each series: rows grouped by {@code series} (one group when null) and by
     * the numeric {@code x}; rows where x or y are not numbers are skipped. Keys are
     * {@code series=value} (or {@code y} without series), in first-seen order.
     */
    public static Map<String, List<Point>> aggregate(List<Map<String, String>> rows, String x, String y, String series) {
        Map<String, TreeMap<Double, List<Double>>> groups = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            Double xv = parse(row.get(x));
            Double yv = parse(row.get(y));
            if (xv == null || yv == null) {
                continue;
            }
            String key = series == null ? y : series + "=" + row.getOrDefault(series, "");
            groups.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(xv, k -> new ArrayList<>()).add(yv);
        }
        Map<String, List<Point>> out = new LinkedHashMap<>();
        groups.forEach((key, cells) -> {
            List<Point> points = new ArrayList<>();
            cells.forEach((xv, values) -> points.add(point(xv, values)));
            out.put(key, points);
        });
        return out;
    }

    /** Mean and Student-t 95% half-width of some values (half-width 0 for a single value). */
    static Point point(double x, List<Double> values) {
        int n = values.size();
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double half = 0.0;
        if (n > 1) {
            double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            double sd = Math.sqrt(ss / (n - 1));
            half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        }
        return new Point(x, mean, half, n);
    }

    static Double parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.equals("true") || text.equals("false")) {
            return text.equals("true") ? 1.0 : 0.0;
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The range a column's values can take in these rows (the joint objective's top is the sum of its weights). */
    static StudyLabels.Axis axisOf(String column, List<Map<String, String>> rows) {
        StudyLabels.Axis axis = StudyLabels.axis(column);
        if (column.equals("joint")) {
            double top = 0;
            for (Map<String, String> row : rows) {
                String weights = row.get("weights");
                double sum = 2;
                if (weights != null && !weights.isEmpty()) {
                    try {
                        String[] parts = weights.split("[,+]");
                        sum = Double.parseDouble(parts[0]) + Double.parseDouble(parts[1]);
                    } catch (RuntimeException e) {
                        sum = Double.POSITIVE_INFINITY;
                    }
                }
                top = Math.max(top, sum);
            }
            return new StudyLabels.Axis(axis.title(), axis.factor(), 0, rows.isEmpty() ? 2 : top);
        }
        return axis;
    }

    /** Whether an axis over these values should be logarithmic under {@code setting} (auto, true, false). */
    static boolean logarithmic(String setting, double[] values) {
        if (setting.equals("false") || values.length == 0) {
            return false;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : values) {
            if (!(v > 0)) {
                return false;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return setting.equals("true") || max / min >= 100;
    }

    /** The chart's title: the spec's, or "Y against x". */
    static String title(StudySpec.PlotSpec plot) {
        if (plot.title() != null) {
            return plot.title();
        }
        String x = StudyLabels.axis(plot.x()).words();
        return StudyLabels.axis(plot.y()).words() + " against " + x.toLowerCase(Locale.ROOT);
    }

    /**
     * The chart of y against x per series, with clipped bands. {@code caption} (which study, how
     * many runs; may be null) is not drawn: the report shows it under the figure.
     */
    public static XYChart chart(List<Map<String, String>> rows, StudySpec.PlotSpec plot, String caption) {
        StudyLabels.Axis xAxis = axisOf(plot.x(), rows);
        StudyLabels.Axis yAxis = axisOf(plot.y(), rows);
        Map<String, List<Point>> groups = aggregate(rows, plot.x(), plot.y(), plot.series());
        int maxN = groups.values().stream().flatMap(List::stream).mapToInt(Point::n).max().orElse(0);
        String subtitle = maxN > 1 ? "mean of " + maxN + " runs, 95% CI" : "one run per point";
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title(plot))
                .xAxisTitle(xAxis.title()).yAxisTitle(yAxis.title()).build();
        style(chart);
        List<Double> allX = new ArrayList<>();
        List<Double> allY = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<Point>> entry : groups.entrySet()) {
            List<Point> points = entry.getValue();
            if (points.isEmpty()) {
                continue;
            }
            int n = points.size();
            double[] xs = new double[n];
            double[] mean = new double[n];
            double[] lower = new double[n];
            double[] upper = new double[n];
            for (int k = 0; k < n; k++) {
                Point p = points.get(k);
                xs[k] = p.x() * xAxis.factor();
                mean[k] = clip(p.mean(), yAxis) * yAxis.factor();
                lower[k] = clip(p.mean() - p.halfWidth(), yAxis) * yAxis.factor();
                upper[k] = clip(p.mean() + p.halfWidth(), yAxis) * yAxis.factor();
                allX.add(xs[k]);
                allY.add(lower[k]);
                allY.add(upper[k]);
            }
            Color color = COLORS[i++ % COLORS.length];
            String label = plot.series() == null ? yAxis.words()
                    : StudyLabels.legend(plot.series(), entry.getKey().substring(plot.series().length() + 1));
            if (points.stream().anyMatch(p -> p.halfWidth() > 0)) {
                // The band: a polygon along the upper limits and back along the lower ones.
                double[] bandX = new double[2 * n];
                double[] bandY = new double[2 * n];
                for (int k = 0; k < n; k++) {
                    bandX[k] = xs[k];
                    bandY[k] = upper[k];
                    bandX[2 * n - 1 - k] = xs[k];
                    bandY[2 * n - 1 - k] = lower[k];
                }
                XYSeries band = chart.addSeries(label + " (95% CI)", bandX, bandY);
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
                band.setLineColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 0));
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(false);
            }
            XYSeries line = chart.addSeries(label, xs, mean);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(color);
            line.setLineStyle(new BasicStroke(2f));
            line.setMarkerColor(color);
            line.setMarker(SeriesMarkers.CIRCLE);
        }
        double[] xValues = allX.stream().mapToDouble(Double::doubleValue).toArray();
        double[] yValues = allY.stream().mapToDouble(Double::doubleValue).toArray();
        if (logarithmic(plot.xLog(), xValues)) {
            chart.getStyler().setXAxisLogarithmic(true);
            // Ticks at every decade (auto only picks log for two decades or more, so at least three).
            // XChart 3.8.8's ticks between decades loop forever when the data start on a power of ten.
            chart.getStyler().setXAxisLogarithmicDecadeOnly(true);
        }
        if (logarithmic(plot.yLog(), yValues) && !plot.yLog().equals("auto")) {
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisLogarithmicDecadeOnly(true);
        } else if (yAxis.max() == 1 && yAxis.min() == 0) {
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(1.0);
        }
        if (xValues.length == 0) {
            chart.addSeries("no numeric values of " + plot.y() + " against " + plot.x(), new double[] {0},
                    new double[] {0}).setMarker(SeriesMarkers.NONE);
        }
        chart.setTitle(title(plot) + " \u2014 " + subtitle);
        return chart;
    }

    private static double clip(double value, StudyLabels.Axis axis) {
        return Math.max(axis.min(), Math.min(axis.max(), value));
    }

    private static void style(XYChart chart) {
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(true);
        styler.setPlotBorderColor(Color.DARK_GRAY);
        styler.setLegendVisible(true);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        styler.setChartTitleBoxVisible(false);
        styler.setAntiAlias(true);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setXAxisMaxLabelCount(12);
    }

    /** The files one plot is written to: the PNG named in the spec, and SVG and PDF beside it. */
    public static List<Path> files(Path png) {
        String base = base(png);
        Path dir = png.toAbsolutePath().getParent();
        return List.of(dir.resolve(base + ".png"), dir.resolve(base + ".svg"), dir.resolve(base + ".pdf"));
    }

    private static String base(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
    }

    /** The chart as SVG text. */
    public static String svg(XYChart chart) throws IOException {
        return vector(chart, new SVGProcessor()).toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The chart as a PDF document (one page of the chart's size, compressed). */
    public static byte[] pdf(XYChart chart) throws IOException {
        return vector(chart, new PDFProcessor(true)).toByteArray();
    }

    /** Draws the chart with VectorGraphics2D and lets {@code processor} write it (XChart's PDF path needs PDFBox). */
    private static ByteArrayOutputStream vector(XYChart chart, Processor processor) throws IOException {
        VectorGraphics2D graphics = new VectorGraphics2D();
        chart.paint(graphics, chart.getWidth(), chart.getHeight());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        processor.getDocument(graphics.getCommands(), new PageSize(0.0, 0.0, chart.getWidth(), chart.getHeight()))
                .writeTo(out);
        return out;
    }

    /** Writes one plot as PNG (200 dpi), SVG and PDF beside each other, each file replaced atomically. */
    public static void write(List<Map<String, String>> rows, StudySpec.PlotSpec plot, String caption, Path file)
            throws IOException {
        write(chart(rows, plot, caption), file);
    }

    /** Writes a chart as PNG (200 dpi), SVG and PDF beside each other, each file replaced atomically. */
    public static void write(XYChart chart, Path file) throws IOException {
        List<Path> files = files(file);
        Files.createDirectories(files.get(0).getParent());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        Path tmp = Files.createTempFile(files.get(0).getParent(), ".plot", ".png");
        try {
            BitmapEncoder.saveBitmapWithDPI(chart, tmp.toString().substring(0, tmp.toString().length() - 4),
                    BitmapEncoder.BitmapFormat.PNG, 200);
            png.write(Files.readAllBytes(tmp));
        } finally {
            Files.deleteIfExists(tmp);
        }
        writeAtomically(png.toByteArray(), files.get(0));
        writeAtomically(svg(chart).getBytes(java.nio.charset.StandardCharsets.UTF_8), files.get(1));
        writeAtomically(pdf(chart), files.get(2));
    }

    static void writeAtomically(byte[] bytes, Path file) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
