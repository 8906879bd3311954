package org.meiplan.solvers.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.meiplan.models.eval.Evaluation;
import org.meiplan.models.eval.JobMetrics;
import org.meiplan.models.eval.PlanViolation;
import org.meiplan.models.eval.RequestMetrics;
import org.meiplan.models.eval.SiteMetrics;
import org.meiplan.models.eval.UserMetrics;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.Link;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.instance.Site;
import org.meiplan.models.instance.TrainingJob;
import org.meiplan.models.instance.User;
import org.meiplan.models.plan.Mode;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.Serving;
import org.meiplan.models.plan.StageSolve;

/**
 * A plan as one self-contained HTML page ({@code meiplan report}): inline SVG, CSS and a few lines of JavaScript, no
 * network access, no external file. It shows what the evaluator says about the plan:
 * <ul>
 *   <li>a map of sites, users and site links, each user coloured by the serving mode of its request classes and
 *       joined to the site that serves it;</li>
 *   <li>per-site load against capacity: storage, GPU memory, compute, uplink and downlink radio;</li>
 *   <li>per request class, the latency breakdown (uplink, backhaul, device, edge, cloud compute, downlink) against
 *       its SLO;</li>
 *   <li>the training Gantt per site with deadlines;</li>
 *   <li>the stage table (status, objective, bound, gap, solver, time) and every violation.</li>
 * </ul>
 * The page sets {@code data-rendered="ok"} on its body once its script ran, and lists script errors in
 * {@code #errors} (the CI check reads both from a headless browser).
 */
public final class HtmlReport {

    /** Colours of the serving modes (also the legend). */
    static final Map<Mode, String> MODE_COLOURS = new LinkedHashMap<>();

    static {
        MODE_COLOURS.put(Mode.DEVICE, "#2a9d8f");
        MODE_COLOURS.put(Mode.EDGE, "#264653");
        MODE_COLOURS.put(Mode.SPLIT, "#e9c46a");
        MODE_COLOURS.put(Mode.PIPELINE, "#9b5de5");
        MODE_COLOURS.put(Mode.CLOUD, "#f4a261");
        MODE_COLOURS.put(Mode.REJECT, "#e63946");
    }

    /** Latency parts, in the order a request goes through them, with their colours. */
    private static final String[][] PARTS = {{"uplink", "#8ecae6"}, {"backhaul", "#219ebc"},
        {"device", "#2a9d8f"}, {"edge", "#264653"}, {"cloud", "#f4a261"}, {"downlink", "#ffb703"}};

    private static final int MAX_MAP_USERS = 2_000;
    private static final int MAX_ROWS = 300;

    private HtmlReport() {
    }

    /** The page for a plan of an instance and the evaluator's verdict on it. */
    public static String render(Instance instance, Plan plan, Evaluation evaluation) {
        StringBuilder h = new StringBuilder(1 << 16);
        String title = "meiplan plan: " + instance.name();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n");
        h.append("<header><h1>").append(esc(title)).append("</h1>\n");
        summary(h, instance, plan, evaluation);
        h.append("</header>\n<main>\n");
        section(h, "map", "Map: sites, users and links, coloured by serving mode");
        map(h, instance, plan);
        h.append("</section>\n");
        section(h, "load", "Per-site load against capacity");
        siteLoad(h, evaluation);
        userEnergy(h, evaluation);
        h.append("</section>\n");
        section(h, "latency", "Latency breakdown per request class against its SLO");
        latency(h, instance, evaluation);
        h.append("</section>\n");
        section(h, "training", "Training schedule");
        gantt(h, instance, evaluation);
        h.append("</section>\n");
        section(h, "stages", "Stages: status, objective, bound and gap");
        stages(h, plan);
        violations(h, evaluation);
        h.append("</section>\n</main>\n<div id=\"errors\" hidden></div>\n<script>\n").append(SCRIPT)
                .append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    // ------------------------------------------------------------------ sections

    private static void summary(StringBuilder h, Instance instance, Plan plan, Evaluation e) {
        var s = e.summary();
        h.append("<p class=\"verdict ").append(e.feasible() ? "good" : "poor").append("\">Plan is ")
                .append(e.feasible() ? "FEASIBLE" : "VIOLATED (" + e.violations().size() + " violations)")
                .append("</p>\n<ul class=\"facts\">\n");
        fact(h, "sites", String.valueOf(instance.sites().size()));
        fact(h, "users", String.valueOf(instance.users().size()));
        fact(h, "request classes served", s.servedClasses() + " of " + s.requestClasses());
        fact(h, "SLO met (weighted demand)", pct(s.sloMetFraction()));
        fact(h, "cache hit ratio", pct(s.hitRatio()));
        fact(h, "mean / max latency", seconds(s.meanLatency()) + " / " + seconds(s.maxLatency()));
        fact(h, "device power", num(s.devicePower()) + " W");
        fact(h, "training jobs on time", s.jobsOnTime() + " of " + s.jobs());
        h.append("</ul>\n");
    }

    private static void fact(StringBuilder h, String name, String value) {
        h.append("<li><span>").append(esc(name)).append("</span><b>").append(esc(value)).append("</b></li>\n");
    }

    private static void section(StringBuilder h, String id, String title) {
        h.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(title)).append("</h2>\n");
    }

    /** Sites as squares, users as dots in their mode's colour, links between sites, serving lines user → site. */
    private static void map(StringBuilder h, Instance instance, Plan plan) {
        List<Site> sites = instance.sites();
        List<User> users = instance.users();
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Site s : sites) {
            minX = Math.min(minX, s.x());
            maxX = Math.max(maxX, s.x());
            minY = Math.min(minY, s.y());
            maxY = Math.max(maxY, s.y());
        }
        for (User u : users) {
            minX = Math.min(minX, u.x());
            maxX = Math.max(maxX, u.x());
            minY = Math.min(minY, u.y());
            maxY = Math.max(maxY, u.y());
        }
        if (!Double.isFinite(minX)) {
            h.append("<p>No sites or users.</p>\n");
            return;
        }
        double span = Math.max(Math.max(maxX - minX, maxY - minY), 1.0);
        double width = 760;
        double pad = 40;
        double cloudBand = 50;
        double rangeX = Math.max(maxX - minX, span * 0.2);
        double rangeY = Math.max(maxY - minY, span * 0.2);
        double scale = Math.min((width - 2 * pad) / rangeX, 560 / rangeY);
        double height = cloudBand + 2 * pad + rangeY * scale;
        double[] sx = new double[sites.size()];
        double[] sy = new double[sites.size()];
        for (Site s : sites) {
            sx[s.index()] = pad + (s.x() - minX) * scale;
            sy[s.index()] = cloudBand + pad + (maxY - s.y()) * scale;
        }
        Map<Integer, List<Serving>> byUser = new HashMap<>();
        Map<String, Serving> servingOf = new HashMap<>();
        for (Serving s : plan.serving()) {
            servingOf.put(s.request(), s);
        }
        for (RequestClass r : instance.requests()) {
            Serving s = servingOf.get(r.id());
            if (s != null) {
                byUser.computeIfAbsent(r.user(), k -> new ArrayList<>()).add(s);
            }
        }
        h.append(String.format(Locale.ROOT, "<svg class=\"map\" viewBox=\"0 0 %.0f %.0f\" role=\"img\""
                + " aria-label=\"map of sites and users\">\n", width, height));
        h.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" class=\"bg\"/>\n",
                width, height));
        double cloudX = width / 2;
        double cloudY = 22;
        h.append(String.format(Locale.ROOT, "<g class=\"cloud\"><ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"48\" ry=\"15\"/>"
                + "<text x=\"%.1f\" y=\"%.1f\">cloud</text></g>\n", cloudX, cloudY, cloudX, cloudY + 4));
        for (Site s : sites) {
            h.append(String.format(Locale.ROOT, "<line class=\"backhaul\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\">"
                    + "<title>backhaul %s: %s</title></line>\n", sx[s.index()], sy[s.index()], cloudX, cloudY + 15,
                    esc(s.id()), esc(rate(s.backhaulRate()))));
        }
        for (Link link : instance.topology().links()) {
            h.append(String.format(Locale.ROOT, "<line class=\"link\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\">"
                    + "<title>link %s - %s: %s, %s</title></line>\n", sx[link.from()], sy[link.from()], sx[link.to()],
                    sy[link.to()], esc(sites.get(link.from()).id()), esc(sites.get(link.to()).id()),
                    esc(rate(link.rate())), esc(seconds(link.latency()))));
        }
        int drawn = 0;
        for (User u : users) {
            if (drawn++ >= MAX_MAP_USERS) {
                break;
            }
            double ux = pad + (u.x() - minX) * scale;
            double uy = cloudBand + pad + (maxY - u.y()) * scale;
            List<Serving> served = byUser.getOrDefault(u.index(), List.of());
            Mode mode = served.isEmpty() ? null : served.get(0).mode();
            for (Serving s : served) {
                for (var stage : s.stages()) {
                    int site = instance.siteIndex(stage.node());
                    if (stage.node().equals(org.meiplan.models.plan.Stage.CLOUD)) {
                        h.append(String.format(Locale.ROOT, "<line class=\"serve\" stroke=\"%s\" x1=\"%.1f\""
                                + " y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", MODE_COLOURS.get(s.mode()), ux, uy,
                                cloudX, cloudY + 15));
                    } else if (site >= 0) {
                        h.append(String.format(Locale.ROOT, "<line class=\"serve\" stroke=\"%s\" x1=\"%.1f\" y1=\"%.1f\""
                                + " x2=\"%.1f\" y2=\"%.1f\"/>\n", MODE_COLOURS.get(s.mode()), ux, uy, sx[site], sy[site]));
                    }
                }
            }
            StringBuilder tip = new StringBuilder(u.id());
            for (Serving s : served) {
                tip.append("\n").append(s.request()).append(": ").append(s.mode().jsonName())
                        .append(s.variant() == null ? "" : " " + s.variant());
            }
            h.append(String.format(Locale.ROOT, "<circle class=\"user\" data-user=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\""
                    + " fill=\"%s\"><title>%s</title></circle>\n", esc(u.id()), ux, uy,
                    mode == null ? "#bbbbbb" : MODE_COLOURS.get(mode), esc(tip.toString())));
        }
        for (Site s : sites) {
            h.append(String.format(Locale.ROOT, "<g class=\"site\"><rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\">"
                    + "<title>%s: %d GPU(s), storage %s</title></rect><text x=\"%.1f\" y=\"%.1f\">%s</text></g>\n",
                    sx[s.index()] - 7, sy[s.index()] - 7, esc(s.id()), s.gpus(), esc(bytes(s.storage())),
                    sx[s.index()] + 10, sy[s.index()] - 10, esc(s.id())));
        }
        h.append("</svg>\n<p class=\"legend\">");
        for (Map.Entry<Mode, String> e : MODE_COLOURS.entrySet()) {
            h.append("<span><i style=\"background:").append(e.getValue()).append("\"></i>").append(e.getKey().jsonName())
                    .append("</span>");
        }
        h.append("<span><i class=\"sq\"></i>site</span><span><i class=\"ln\"></i>site link</span>")
                .append("<span><i class=\"bh\"></i>backhaul</span></p>\n");
        if (users.size() > MAX_MAP_USERS) {
            h.append("<p class=\"note\">The first ").append(MAX_MAP_USERS).append(" of ").append(users.size())
                    .append(" users are drawn.</p>\n");
        }
    }

    private static void siteLoad(StringBuilder h, Evaluation e) {
        h.append("<table class=\"load\">\n<thead><tr><th>site</th><th>storage</th><th>GPU memory</th><th>compute</th>"
                + "<th>uplink radio</th><th>downlink radio</th></tr></thead>\n<tbody>\n");
        int rows = 0;
        for (SiteMetrics m : e.sites()) {
            if (rows++ == MAX_ROWS) {
                h.append("<tr><td colspan=\"6\">... ").append(e.sites().size() - MAX_ROWS).append(" more sites</td></tr>\n");
                break;
            }
            h.append("<tr><td>").append(esc(m.site())).append("</td>");
            bar(h, m.storageUsed(), m.storage(), bytes(m.storageUsed()) + " of " + bytes(m.storage()));
            double gpu = m.gpuWeights() + m.gpuKvCache();
            bar(h, gpu, m.gpuMemory(), bytes(m.gpuWeights()) + " weights + " + bytes(m.gpuKvCache()) + " KV of "
                    + bytes(m.gpuMemory()));
            bar(h, m.computeLoad(), m.computeCapacity(), num(m.computeLoad() / 1e12) + " of "
                    + num(m.computeCapacity() / 1e12) + " TFLOP/s");
            bar(h, m.uplinkBandwidthUsed(), m.uplinkBandwidth(), num(m.uplinkBandwidthUsed() / 1e6) + " of "
                    + num(m.uplinkBandwidth() / 1e6) + " MHz");
            bar(h, m.downlinkBandwidthUsed(), m.downlinkBandwidth(), num(m.downlinkBandwidthUsed() / 1e6) + " of "
                    + num(m.downlinkBandwidth() / 1e6) + " MHz");
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void bar(StringBuilder h, double used, double capacity, String text) {
        double share = capacity > 0 ? used / capacity : used > 0 ? Double.POSITIVE_INFINITY : 0.0;
        String width = Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f", Math.min(100, 100 * share)) : "100";
        String cls = !(share <= 1.0 + 1e-9) ? "over" : share > 0.9 ? "high" : "fine";
        h.append("<td><div class=\"bar ").append(cls).append("\" title=\"").append(esc(text)).append("\"><div style=\"width:")
                .append(width).append("%\"></div></div><small>").append(Double.isFinite(share) ? pct(share) : "over")
                .append(" &middot; ").append(esc(text)).append("</small></td>");
    }

    private static void userEnergy(StringBuilder h, Evaluation e) {
        if (e.users().isEmpty()) {
            return;
        }
        h.append("<details><summary>Device energy per user (").append(e.users().size())
                .append(")</summary>\n<table class=\"load\"><thead><tr><th>user</th><th>energy over the horizon</th>"
                        + "</tr></thead><tbody>\n");
        int rows = 0;
        for (UserMetrics u : e.users()) {
            if (rows++ == MAX_ROWS) {
                break;
            }
            h.append("<tr><td>").append(esc(u.user())).append("</td>");
            if (Double.isFinite(u.energyBudget())) {
                bar(h, u.energy(), u.energyBudget(), num(u.energy()) + " J of " + num(u.energyBudget()) + " J");
            } else {
                h.append("<td>").append(num(u.energy())).append(" J (no budget)</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></details>\n");
    }

    private static void latency(StringBuilder h, Instance instance, Evaluation e) {
        h.append("<p class=\"legend\">");
        for (String[] part : PARTS) {
            h.append("<span><i style=\"background:").append(part[1]).append("\"></i>").append(part[0]).append("</span>");
        }
        h.append("<span><i class=\"slo\"></i>latency SLO</span><span><i class=\"ttft\"></i>TTFT SLO</span></p>\n");
        h.append("<table class=\"latency\"><thead><tr><th>request</th><th>mode</th><th>latency</th>"
                + "<th class=\"wide\">breakdown (bar: up to 1.25 &times; the SLO)</th><th>SLO</th></tr></thead><tbody>\n");
        int rows = 0;
        for (RequestMetrics r : e.requests()) {
            if (rows++ == MAX_ROWS) {
                h.append("<tr><td colspan=\"5\">... ").append(e.requests().size() - MAX_ROWS)
                        .append(" more request classes</td></tr>\n");
                break;
            }
            int index = instance.requestIndex(r.request());
            RequestClass request = index >= 0 ? instance.requests().get(index) : null;
            double slo = request == null ? Double.NaN : request.latencySlo();
            h.append("<tr data-user=\"").append(request == null ? "" : esc(instance.users().get(request.user()).id()))
                    .append("\"><td>").append(esc(r.request())).append("</td><td><i class=\"dot\" style=\"background:")
                    .append(colourOf(r.mode())).append("\"></i>").append(esc(r.mode())).append("</td><td>")
                    .append(r.served() ? esc(seconds(r.latency())) : "not served").append("</td><td>");
            if (r.served()) {
                double[] values = {r.uplink(), r.backhaul(), r.deviceCompute(), r.edgeCompute(), r.cloudCompute(),
                    r.downlink()};
                double total = 0;
                for (double v : values) {
                    total += Double.isFinite(v) ? v : 0;
                }
                double full = Math.max(Double.isFinite(slo) ? 1.25 * slo : total, total);
                full = full > 0 ? full : 1;
                h.append("<svg class=\"stack\" viewBox=\"0 0 400 18\" preserveAspectRatio=\"none\">");
                double x = 0;
                for (int p = 0; p < values.length; p++) {
                    double v = Double.isFinite(values[p]) ? values[p] : 0;
                    double w = 400 * v / full;
                    if (w > 0) {
                        h.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"2\" width=\"%.2f\" height=\"14\""
                                + " fill=\"%s\"><title>%s %s</title></rect>", x, w, PARTS[p][1], PARTS[p][0],
                                esc(seconds(v))));
                    }
                    x += w;
                }
                if (Double.isFinite(slo)) {
                    double at = 400 * slo / full;
                    h.append(String.format(Locale.ROOT, "<line class=\"slo\" x1=\"%.2f\" x2=\"%.2f\" y1=\"0\" y2=\"18\">"
                            + "<title>latency SLO %s</title></line>", at, at, esc(seconds(slo))));
                    double ttft = request.ttftSlo();
                    if (Double.isFinite(ttft) && ttft <= full) {
                        double t = 400 * ttft / full;
                        h.append(String.format(Locale.ROOT, "<line class=\"ttft\" x1=\"%.2f\" x2=\"%.2f\" y1=\"0\""
                                + " y2=\"18\"><title>TTFT SLO %s (TTFT %s)</title></line>", t, t, esc(seconds(ttft)),
                                esc(seconds(r.ttft()))));
                    }
                }
                h.append("</svg>");
            }
            h.append("</td><td class=\"").append(!r.served() ? "" : r.sloMet() ? "ok" : "bad").append("\">")
                    .append(!r.served() ? "-" : (r.sloMet() ? "met" : "MISSED") + " (" + seconds(slo) + ")")
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void gantt(StringBuilder h, Instance instance, Evaluation e) {
        if (e.jobs().isEmpty()) {
            h.append("<p>No fine-tuning jobs.</p>\n");
            return;
        }
        double horizon = instance.training().horizon();
        for (JobMetrics j : e.jobs()) {
            if (Double.isFinite(j.end())) {
                horizon = Math.max(horizon, j.end());
            }
        }
        List<JobMetrics> jobs = e.jobs().size() > MAX_ROWS ? e.jobs().subList(0, MAX_ROWS) : e.jobs();
        double left = 120;
        double width = 760;
        double row = 22;
        double height = 30 + row * jobs.size();
        double plot = width - left - 10;
        h.append(String.format(Locale.ROOT, "<svg class=\"gantt\" viewBox=\"0 0 %.0f %.0f\">\n", width, height));
        for (int k = 0; k <= 4; k++) {
            double x = left + plot * k / 4;
            h.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"18\" y2=\"%.1f\"/>"
                    + "<text class=\"axis\" x=\"%.1f\" y=\"12\" text-anchor=\"%s\">%s</text>\n", x, x, height, x,
                    k == 0 ? "start" : k == 4 ? "end" : "middle",
                    esc(hours(horizon * k / 4))));
        }
        for (int i = 0; i < jobs.size(); i++) {
            JobMetrics j = jobs.get(i);
            double y = 24 + row * i;
            int index = instance.jobIndex(j.job());
            TrainingJob job = index >= 0 ? instance.training().jobs().get(index) : null;
            h.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"4\" y=\"%.1f\">%s%s</text>\n", y + 13,
                    esc(j.job()), j.site() == null ? "" : " @ " + esc(j.site())));
            if (j.scheduled() && Double.isFinite(j.start()) && Double.isFinite(j.end())) {
                double x0 = left + plot * j.start() / horizon;
                double x1 = left + plot * j.end() / horizon;
                h.append(String.format(Locale.ROOT, "<rect class=\"job %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                        + " height=\"16\"><title>%s on %s: %s to %s%s</title></rect>\n", j.onTime() ? "ontime" : "late",
                        x0, y, Math.max(1, x1 - x0), esc(j.job()), esc(String.valueOf(j.site())), esc(seconds(j.start())),
                        esc(seconds(j.end())), j.onTime() ? "" : ", late by " + esc(seconds(j.tardiness()))));
            } else {
                h.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%.1f\" y=\"%.1f\">not scheduled</text>\n",
                        left + 4, y + 13));
            }
            if (job != null && Double.isFinite(job.deadline()) && job.deadline() <= horizon) {
                double xd = left + plot * job.deadline() / horizon;
                h.append(String.format(Locale.ROOT, "<line class=\"deadline\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\""
                        + " y2=\"%.1f\"><title>deadline %s</title></line>\n", xd, xd, y - 2, y + 18,
                        esc(seconds(job.deadline()))));
            }
        }
        h.append("</svg>\n<p class=\"legend\"><span><i class=\"ontime\"></i>on time</span><span><i class=\"late\"></i>"
                + "late</span><span><i class=\"slo\"></i>deadline</span></p>\n");
    }

    private static void stages(StringBuilder h, Plan plan) {
        if (plan.solves().isEmpty()) {
            h.append("<p>The plan records no stage solves (written by hand, or by an older meiplan).</p>\n");
            return;
        }
        h.append("<table class=\"stages\"><thead><tr><th>stage</th><th>status</th><th>objective</th><th>bound</th>"
                + "<th>gap</th><th>solver</th><th>time</th><th>note</th></tr></thead><tbody>\n");
        for (StageSolve s : plan.solves()) {
            h.append("<tr><td>").append(esc(s.stage())).append("</td><td class=\"")
                    .append(s.status().equals("OPTIMAL") ? "ok" : s.status().equals("INFEASIBLE") ? "bad" : "")
                    .append("\">").append(esc(s.status())).append("</td><td>").append(num(s.objective()))
                    .append("</td><td>").append(num(s.bound())).append("</td><td>").append(gap(s.gap()))
                    .append("</td><td>").append(esc(s.solver())).append("</td><td>")
                    .append(esc(seconds(s.buildSeconds() + s.solveSeconds() + s.decodeSeconds())))
                    .append("</td><td>").append(esc(s.message())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void violations(StringBuilder h, Evaluation e) {
        if (e.violations().isEmpty()) {
            h.append("<p class=\"ok\">The evaluator finds no violated constraint.</p>\n");
            return;
        }
        h.append("<h3>Violations</h3>\n<ul class=\"violations\">\n");
        int rows = 0;
        for (PlanViolation v : e.violations()) {
            if (rows++ == MAX_ROWS) {
                h.append("<li>... ").append(e.violations().size() - MAX_ROWS).append(" more</li>\n");
                break;
            }
            h.append("<li><b>").append(esc(v.kind().name())).append("</b> ")
                    .append(esc(v.path().isEmpty() ? v.subject() : v.path())).append(": ").append(esc(v.message()))
                    .append("</li>\n");
        }
        h.append("</ul>\n");
    }

    // ------------------------------------------------------------------ formatting

    private static String colourOf(String mode) {
        for (Map.Entry<Mode, String> e : MODE_COLOURS.entrySet()) {
            if (e.getKey().jsonName().equals(mode)) {
                return e.getValue();
            }
        }
        return "#bbbbbb";
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf")
                : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "-";
    }

    private static String gap(double v) {
        return Double.isNaN(v) ? "-" : Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.3g%%", 100 * v);
    }

    private static String seconds(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "-" : "inf";
        }
        return v < 1 ? String.format(Locale.ROOT, "%.1f ms", 1e3 * v) : String.format(Locale.ROOT, "%.3g s", v);
    }

    private static String hours(double v) {
        return v < 3600 ? String.format(Locale.ROOT, "%.0f min", v / 60) : String.format(Locale.ROOT, "%.3g h", v / 3600);
    }

    private static String bytes(double v) {
        return v >= 1e12 ? String.format(Locale.ROOT, "%.3g TB", v / 1e12)
                : v >= 1e8 || v == 0 ? String.format(Locale.ROOT, "%.3g GB", v / 1e9)
                : String.format(Locale.ROOT, "%.3g MB", v / 1e6);
    }

    private static String rate(double bitsPerSecond) {
        return String.format(Locale.ROOT, "%.3g Gbit/s", bitsPerSecond / 1e9);
    }

    private static final String CSS = """
            :root { --ink: #1d2630; --muted: #5c6b7a; --line: #d8dee4; --ok: #2a9d4f; --bad: #d62839; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
                   color: var(--ink); background: #f6f8fa; }
            header { background: #1d2630; color: #fff; padding: 16px 28px 12px; }
            header h1 { margin: 0 0 6px; font-size: 22px; }
            .verdict { display: inline-block; margin: 4px 0 8px; padding: 2px 10px; border-radius: 4px; font-weight: 600; }
            .verdict { color: #fff; } .verdict.good { background: var(--ok); } .verdict.poor { background: var(--bad); }
            .facts { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 22px; }
            .facts span { color: #b8c4cf; margin-right: 6px; }
            main { padding: 8px 28px 28px; max-width: 1200px; }
            section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px 14px;
                      margin: 16px 0; }
            h2 { font-size: 17px; margin: 4px 0 10px; }
            svg.map { width: 100%; max-width: 760px; border: 1px solid var(--line); border-radius: 4px; }
            svg.map .bg { fill: #fbfcfd; }
            svg.map .cloud ellipse { fill: #eef2f6; stroke: #9aa8b5; }
            svg.map text { font-size: 11px; fill: var(--ink); text-anchor: start; }
            svg.map .cloud text { text-anchor: middle; }
            svg.map .backhaul { stroke: #c5ced6; stroke-dasharray: 4 4; }
            svg.map .link { stroke: #6c7a89; stroke-width: 2.5; }
            svg.map .serve { stroke-width: 1.2; opacity: 0.55; }
            svg.map .user { stroke: #fff; stroke-width: 1; cursor: pointer; }
            svg.map .site rect { fill: #1d2630; }
            .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; color: var(--muted); margin: 6px 0; }
            .legend i { display: inline-block; width: 12px; height: 12px; border-radius: 50%; margin-right: 5px;
                        vertical-align: -1px; }
            .legend i.sq { border-radius: 0; background: #1d2630; }
            .legend i.ln { border-radius: 0; height: 3px; background: #6c7a89; vertical-align: 3px; }
            .legend i.bh { border-radius: 0; height: 0; border-top: 2px dashed #c5ced6; vertical-align: 3px; }
            .legend i.slo, .legend i.ttft { border-radius: 0; width: 3px; background: var(--bad); }
            .legend i.ttft { background: #7b2cbf; }
            .legend i.ontime { border-radius: 2px; background: #2a9d8f; } .legend i.late { border-radius: 2px; background: #e76f51; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
            th { color: var(--muted); font-weight: 600; white-space: nowrap; }
            td:first-child, table.stages td { white-space: nowrap; }
            td.ok, p.ok { color: var(--ok); } td.bad { color: var(--bad); font-weight: 600; }
            .bar { height: 10px; background: #edf0f3; border-radius: 3px; overflow: hidden; min-width: 90px; }
            .bar div { height: 100%; background: #2a9d8f; }
            .bar.high div { background: #e9c46a; } .bar.over div { background: var(--bad); }
            td small { color: var(--muted); }
            th.wide { width: 45%; }
            svg.stack { width: 100%; height: 18px; background: #f1f3f5; }
            svg.stack .slo { stroke: var(--bad); stroke-width: 2; } svg.stack .ttft { stroke: #7b2cbf; stroke-width: 2; }
            i.dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 5px; }
            tr.hl td { background: #fff3bf; }
            svg.gantt { width: 100%; max-width: 760px; }
            svg.gantt .grid { stroke: #e3e8ed; } svg.gantt .axis { font-size: 10px; fill: var(--muted); }
            svg.gantt .label { font-size: 11px; fill: var(--ink); }
            svg.gantt .job.ontime { fill: #2a9d8f; } svg.gantt .job.late { fill: #e76f51; }
            svg.gantt .deadline { stroke: var(--bad); stroke-width: 2; }
            .violations li { margin: 2px 0; }
            .note { color: var(--muted); }
            """;

    /** Highlights a user's request classes when its dot is clicked; marks the page rendered, lists script errors. */
    private static final String SCRIPT = """
            (function () {
              var errors = [];
              window.addEventListener('error', function (e) {
                errors.push(String(e.message));
                var box = document.getElementById('errors');
                box.hidden = false;
                box.textContent = errors.join('\\n');
                document.body.dataset.errors = String(errors.length);
              });
              document.querySelectorAll('svg.map .user').forEach(function (dot) {
                dot.addEventListener('click', function () {
                  var user = dot.getAttribute('data-user');
                  document.querySelectorAll('table.latency tr').forEach(function (row) {
                    row.classList.toggle('hl', row.getAttribute('data-user') === user);
                  });
                  var first = document.querySelector('table.latency tr.hl');
                  if (first) { first.scrollIntoView({block: 'center'}); }
                });
              });
              document.body.dataset.rendered = 'ok';
            })();
            """;
}
