package org.meiplan.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.meiplan.models.eval.Evaluation;
import org.meiplan.models.eval.GroupMetrics;
import org.meiplan.models.eval.JobMetrics;
import org.meiplan.models.eval.PlanViolation;
import org.meiplan.models.eval.RequestMetrics;
import org.meiplan.models.eval.SiteMetrics;
import org.meiplan.models.eval.UserMetrics;
import org.meiplan.models.eval.Summary;
import org.meiplan.models.instance.Instance;

/** Plain-text tables for people; columns sized to their contents. */
final class Tables {
    /** Rows beyond this are summarised, so a metro instance does not flood the terminal. */
    static final int MAX_ROWS = 40;

    private Tables() {
    }

    static String describe(Instance instance) {
        return String.format(Locale.ROOT, "%s: %d sites, %d users, %d variants (%d blocks), %d request classes, %d training jobs.",
                instance.name(), instance.sites().size(), instance.users().size(), instance.variants().size(),
                instance.catalog().blocks().size(), instance.requests().size(), instance.training().jobs().size());
    }

    static void print(PrintWriter out, Instance instance, Evaluation evaluation) {
        Summary s = evaluation.summary();
        out.println(describe(instance));
        out.println();
        out.printf(Locale.ROOT, "Plan is %s: %d violation(s).%n", evaluation.feasible() ? "FEASIBLE" : "VIOLATED",
                s.violations());
        out.printf(Locale.ROOT, "Served %d of %d request classes; SLO met for %.1f%% of weighted demand; cache hit ratio %.1f%%.%n",
                s.servedClasses(), s.requestClasses(), 100 * s.sloMetFraction(), 100 * s.hitRatio());
        out.printf(Locale.ROOT, "Latency mean %s, max %s; device power %.3g W; training jobs on time %d of %d.%n",
                seconds(s.meanLatency()), seconds(s.maxLatency()), s.devicePower(), s.jobsOnTime(), s.jobs());
        out.println();

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"request", "mode", "variant", "site", "uplink", "downlink", "backhaul", "device",
            "edge", "cloud", "TTFT", "latency", "pct", "TTFT@pct", "latency@pct", "util", "SLO"});
        for (RequestMetrics r : evaluation.requests()) {
            rows.add(new String[] {r.request(), r.mode(), orDash(r.variant()), orDash(r.site()), seconds(r.uplink()),
                seconds(r.downlink()), seconds(r.backhaul()), seconds(r.deviceCompute()), seconds(r.edgeCompute()),
                seconds(r.cloudCompute()), seconds(r.ttft()), seconds(r.latency()),
                "p" + new java.math.BigDecimal(100 * r.percentile()).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString(), seconds(r.ttftPercentile()),
                seconds(r.latencyPercentile()), Double.isFinite(r.utilisation())
                        ? String.format(Locale.ROOT, "%.2f", r.utilisation()) : "-",
                r.served() ? (r.sloMet() ? "met" : "MISSED") : "-"});
        }
        table(out, "Request classes (times are means; @pct at the SLO percentile; util: busiest serving group)", rows);

        rows = new ArrayList<>();
        rows.add(new String[] {"serving group", "replicas", "GPUs each", "utilisation", "busy", "mean batch", "state"});
        for (GroupMetrics g : evaluation.groups()) {
            rows.add(new String[] {g.group(), String.valueOf(g.replicas()), String.valueOf(g.gpusPerReplica()),
                String.format(Locale.ROOT, "%.3f", g.utilisation()), String.format(Locale.ROOT, "%.3f", g.busy()),
                Double.isFinite(g.meanBatch()) ? String.format(Locale.ROOT, "%.2f", g.meanBatch()) : "inf",
                g.overloaded() ? "OVERLOADED" : "ok"});
        }
        if (rows.size() > 1) {
            table(out, String.format(Locale.ROOT, "Serving groups (per replica; overloaded at utilisation %.2f)",
                    instance.workload().utilisationCap()), rows);
        }

        rows = new ArrayList<>();
        rows.add(new String[] {"site", "cached", "storage", "GPU weights", "KV cache", "GPU memory", "compute",
            "uplink", "downlink", "power"});
        for (SiteMetrics m : evaluation.sites()) {
            rows.add(new String[] {m.site(), String.valueOf(m.cachedVariants()),
                ratio(m.storageUsed() / 1e9, m.storage() / 1e9, "GB"), gb(m.gpuWeights()), gb(m.gpuKvCache()),
                ratio((m.gpuWeights() + m.gpuKvCache()) / 1e9, m.gpuMemory() / 1e9, "GB"),
                ratio(m.computeLoad() / 1e12, m.computeCapacity() / 1e12, "TFLOP/s"),
                ratio(m.uplinkBandwidthUsed() / 1e6, m.uplinkBandwidth() / 1e6, "MHz"),
                ratio(m.downlinkBandwidthUsed() / 1e6, m.downlinkBandwidth() / 1e6, "MHz"),
                ratio(m.powerUsed(), m.power(), "W")});
        }
        table(out, "Sites", rows);

        if (!evaluation.users().isEmpty()) {
            rows = new ArrayList<>();
            rows.add(new String[] {"user", "energy", "budget", "memory", "compute"});
            for (UserMetrics u : evaluation.users()) {
                rows.add(new String[] {u.user(), joules(u.energy()),
                    Double.isFinite(u.energyBudget()) ? joules(u.energyBudget()) : "none",
                    ratio(u.memoryUsed() / 1e9, u.memory() / 1e9, "GB"),
                    ratio(u.computeLoad() / 1e12, u.computeCapacity() / 1e12, "TFLOP/s")});
            }
            table(out, "Users (device energy over the horizon)", rows);
        }

        if (!evaluation.jobs().isEmpty()) {
            rows = new ArrayList<>();
            double span = instance.training().horizon();
            for (JobMetrics j : evaluation.jobs()) {
                span = Double.isFinite(j.end()) ? Math.max(span, j.end()) : span;
            }
            rows.add(new String[] {"job", "site", "start", "end", "min. duration", "deadline",
                "0 " + "-".repeat(BAR - 4) + " " + hours(span)});
            for (JobMetrics j : evaluation.jobs()) {
                double deadline = instance.training().jobs().get(instance.jobIndex(j.job())).deadline();
                rows.add(new String[] {j.job(), orDash(j.site()), seconds(j.start()), seconds(j.end()),
                    seconds(j.minimumDuration()), !j.scheduled() ? "not scheduled" : j.onTime() ? "met" : "MISSED",
                    bar(j.start(), j.end(), deadline, span)});
            }
            table(out, "Training (bar: # running, | deadline, over the horizon)", rows);
        }

        if (!evaluation.violations().isEmpty()) {
            out.println("Violations");
            int shown = 0;
            for (PlanViolation v : evaluation.violations()) {
                if (shown++ == MAX_ROWS) {
                    out.printf(Locale.ROOT, "  ... and %d more (use --json for all)%n", evaluation.violations().size() - MAX_ROWS);
                    break;
                }
                out.println("  " + v);
            }
            out.println();
        }
        if (!evaluation.assumptions().isEmpty()) {
            out.println("Assumptions");
            evaluation.assumptions().forEach(a -> out.println("  " + a));
        }
    }

    static void table(PrintWriter out, String title, List<String[]> rows) {
        out.println(title);
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        int limit = Math.min(rows.size(), MAX_ROWS + 1);
        for (int r = 0; r < limit; r++) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], rows.get(r)[c].length());
            }
        }
        for (int r = 0; r < limit; r++) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < columns; c++) {
                String cell = rows.get(r)[c];
                line.append(c == 0 ? String.format("%-" + width[c] + "s", cell) : String.format("%" + width[c] + "s", cell));
                line.append(c + 1 < columns ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
        if (rows.size() > limit) {
            out.printf(Locale.ROOT, "  ... %d more rows (use --json for all)%n", rows.size() - limit);
        }
        out.println();
    }

    /** Width of the Gantt bars of the training table. */
    static final int BAR = 40;

    /** A Gantt bar: '#' while [start, end) runs, '|' at the deadline, '.' elsewhere, over [0, span). */
    static String bar(double start, double end, double deadline, double span) {
        char[] cells = new char[BAR];
        for (int k = 0; k < BAR; k++) {
            double from = span * k / BAR;
            double to = span * (k + 1) / BAR;
            cells[k] = Double.isFinite(start) && start < to && end > from ? '#' : '.';
        }
        int d = (int) Math.min(BAR - 1, Math.floor(deadline / span * BAR));
        if (cells[d] == '.') {
            cells[d] = '|';
        }
        return new String(cells);
    }

    static String hours(double seconds) {
        return String.format(Locale.ROOT, "%.3g h", seconds / 3600);
    }

    static String orDash(String text) {
        return text == null ? "-" : text;
    }

    static String seconds(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (Double.isInfinite(value)) {
            return "inf";
        }
        return value < 1.0 ? String.format(Locale.ROOT, "%.1f ms", value * 1e3) : String.format(Locale.ROOT, "%.3f s", value);
    }

    static String joules(double value) {
        return Double.isNaN(value) ? "-" : value >= 1e4 ? String.format(Locale.ROOT, "%.3g kJ", value / 1e3)
                : String.format(Locale.ROOT, "%.3g J", value);
    }

    static String gb(double bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    static String ratio(double used, double limit, String unit) {
        return String.format(Locale.ROOT, "%.3g/%.3g %s", used, limit, unit);
    }
}
