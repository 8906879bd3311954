package org.meiplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.PlanJson;
import org.meiplan.models.plan.PlanDiff;
import org.meiplan.models.plan.RadioGrant;
import org.meiplan.models.plan.Serving;
import org.meiplan.models.plan.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code meiplan diff PLAN_A PLAN_B}: what moved between two plans. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what changed from PLAN_A to PLAN_B: cache contents per site (and the bytes to download"
                + " when --instance is given), serving decisions, radio grants, training runs.",
                "Exits like diff(1): 0 when the plans make the same decisions, 1 when they differ, 2 on trouble"
                        + " (a file that cannot be read, an invalid plan)."},
        footerHeading = "%nExample:%n",
        footer = "  meiplan diff --instance INSTANCE old.plan.json new.plan.json")
final class DiffCommand implements Callable<Integer> {

    /** Exit code when the plans differ, like diff(1). */
    static final int DIFFERENT = 1;

    /** Exit code on trouble, like diff(1): unreadable or invalid input, and any other failure. */
    static final int TROUBLE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN_A", description = "The older plan (- reads standard input).")
    Path before;

    @Parameters(index = "1", paramLabel = "PLAN_B", description = "The newer plan (- reads standard input).")
    Path after;

    @Option(names = "--instance", paramLabel = "INSTANCE",
            description = "The instance, to expand plan shorthands and count download bytes.")
    Path instanceFile;

    @Option(names = "--json", description = "Print the differences as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try {
            return compare();
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw e; // reported by the command's error handler, exit 2
        } catch (RuntimeException e) {
            // diff(1) keeps 1 for "different": any other failure is trouble (2), not an internal-error 1
            java.io.PrintWriter err = spec.commandLine().getErr();
            err.println("meiplan: internal error: " + e);
            err.println("This is a bug in meiplan; please report it with the command and input.");
            err.flush();
            return TROUBLE;
        }
    }

    private int compare() throws java.io.IOException {
        Io.oneStdin(instanceFile, before, after);
        Instance instance = instanceFile == null ? null : Io.instance(instanceFile);
        PlanDiff diff = PlanDiff.between(Io.plan(before, instance), Io.plan(after, instance), instance);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(org.meiplan.models.io.DiffJson.toString(diff));
        } else if (diff.isEmpty()) {
            out.println("The plans make the same decisions.");
        } else {
            for (PlanDiff.CacheChange c : diff.caching()) {
                out.printf(Locale.ROOT, "cache %s: +[%s] -[%s]%s%n", c.site(), String.join(", ", c.added()),
                        String.join(", ", c.removed()),
                        Double.isNaN(c.downloadBytes()) ? "" : String.format(Locale.ROOT, ", download %.3f GB", c.downloadBytes() / 1e9));
            }
            for (PlanDiff.ServingChange s : diff.serving()) {
                out.printf(Locale.ROOT, "serve %s: %s -> %s%n", s.request(), describe(s.before()), describe(s.after()));
            }
            for (PlanDiff.RadioChange r : diff.radio()) {
                out.printf(Locale.ROOT, "radio %s: %s -> %s%n", r.user(), describe(r.before()), describe(r.after()));
            }
            for (PlanDiff.TrainingChange t : diff.training()) {
                out.printf(Locale.ROOT, "train %s: %s -> %s%n", t.job(), describe(t.before()), describe(t.after()));
            }
            if (instance != null) {
                out.printf(Locale.ROOT, "%d change(s); %.3f GB to download.%n", diff.caching().size() + diff.serving().size()
                        + diff.radio().size() + diff.training().size(), diff.downloadBytes() / 1e9);
            }
        }
        out.flush();
        return diff.isEmpty() ? ExitCode.OK : DIFFERENT;
    }

    static String describe(Serving s) {
        if (s == null) {
            return "(none)";
        }
        return s.mode().jsonName() + (s.variant() == null ? "" : " " + s.variant()) + (s.stages().isEmpty() ? "" : " "
                + s.stages().stream().map(st -> st.node() + "[" + st.firstLayer() + "," + st.lastLayer() + ")")
                        .collect(Collectors.joining(" > ")));
    }

    static String describe(RadioGrant g) {
        return g == null ? "(none)" : String.format(Locale.ROOT, "up %.3g MHz @ %.3g W, down %.3g MHz @ %.3g W",
                g.uplinkBandwidth() / 1e6, g.uplinkPower(), g.downlinkBandwidth() / 1e6, g.downlinkPower());
    }

    static String describe(TrainingRun t) {
        return t == null ? "(none)" : String.format(Locale.ROOT, "%s %.1f-%.1f s%s", t.site(), t.start(), t.end(),
                t.splitLayer() > 0 ? " split " + t.splitLayer() : "");
    }
}
