package org.meiplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.meiplan.models.eval.Evaluation;
import org.meiplan.models.eval.Evaluator;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.EvaluationJson;
import org.meiplan.models.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code meiplan evaluate INSTANCE PLAN}: the independent evaluator's verdict on a plan. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a plan against an instance: latency breakdown and SLOs per request class,"
                + " storage, GPU memory, compute and radio per site, energy per user, training deadlines,"
                + " and every violated constraint with its amount.",
                "Exits with 3 when the plan violates a constraint."},
        footerHeading = "%nExamples:%n",
        footer = {"  meiplan evaluate datasets/instances/edge-tiny.json datasets/instances/edge-tiny.plan.json",
                "  meiplan evaluate --json INSTANCE PLAN > evaluation.json"})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "The instance JSON file (- reads standard input).")
    Path instanceFile;

    @Parameters(index = "1", paramLabel = "PLAN", description = "The plan JSON file (- reads standard input).")
    Path planFile;

    @Option(names = "--json", description = "Print the evaluation as JSON instead of tables.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Io.oneStdin(instanceFile, planFile);
        Instance instance = Io.instance(instanceFile);
        Plan plan = Io.plan(planFile, instance);
        Evaluation evaluation = new Evaluator().evaluate(instance, plan);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(EvaluationJson.toString(evaluation));
        } else {
            Tables.print(out, instance, evaluation);
        }
        out.flush();
        return evaluation.feasible() ? ExitCode.OK : ExitCode.INFEASIBLE;
    }
}
