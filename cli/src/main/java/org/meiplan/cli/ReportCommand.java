package org.meiplan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.meiplan.models.eval.Evaluation;
import org.meiplan.models.eval.Evaluator;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.plan.Plan;
import org.meiplan.solvers.export.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meiplan report INSTANCE PLAN -o plan.html}: the plan as one self-contained HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a plan as one self-contained HTML page (inline SVG, CSS and script; opens offline): a map"
                + " of sites, users and links coloured by serving mode, per-site load (storage, GPU memory, compute,"
                + " radio), the latency breakdown of every request class against its SLO, the training Gantt, and the"
                + " stages with their bounds and gaps. The plan is checked by the evaluator first.",
                "Exits with 3 when the plan violates a constraint (the page is written all the same)."},
        footerHeading = "%nExamples:%n",
        footer = {"  meiplan solve datasets/instances/edge-tiny.json -o plan.json -q"
                + " && meiplan report datasets/instances/edge-tiny.json plan.json -o plan.html",
                "  meiplan report INSTANCE PLAN -o - > plan.html"})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "The instance JSON file (- reads standard input).")
    Path instanceFile;

    @Parameters(index = "1", paramLabel = "PLAN", description = "The plan JSON file (- reads standard input).")
    Path planFile;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "The HTML file to write (- for standard output).")
    Path output;

    @Override
    public Integer call() throws Exception {
        Io.oneStdin(instanceFile, planFile);
        Io.checkOutput(output);
        Instance instance = Io.instance(instanceFile);
        Plan plan = Io.plan(planFile, instance);
        Evaluation evaluation = new Evaluator().evaluate(instance, plan);
        Io.write(spec, output, HtmlReport.render(instance, plan, evaluation));
        if (!Io.isStdio(output)) {
            spec.commandLine().getErr().println("wrote " + output + " (plan " + (evaluation.feasible() ? "feasible"
                    : "violates " + evaluation.violations().size() + " constraint(s)") + ")");
        }
        return evaluation.feasible() ? ExitCode.OK : ExitCode.INFEASIBLE;
    }
}
