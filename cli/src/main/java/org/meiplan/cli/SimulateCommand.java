package org.meiplan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.PlanJson;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.simulate.ServingSimulation;
import org.meiplan.models.simulate.SimulationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code meiplan simulate INSTANCE PLAN}: a discrete-event replay of the plan's serving next to the evaluator. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate the plan's serving (Poisson arrivals per request class, continuous-batching servers,"
                + " radio and wire transfer times) and print per class the mean and SLO-percentile time to first"
                + " token and latency, measured next to the evaluator's prediction."},
        footerHeading = "%nExamples:%n",
        footer = {"  meiplan simulate datasets/instances/edge-tiny.json datasets/instances/edge-tiny.plan.json",
                "  meiplan simulate --duration 3600 --seed 7 --json INSTANCE PLAN > simulation.json"})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "The instance JSON file.")
    Path instanceFile;

    @Parameters(index = "1", paramLabel = "PLAN", description = "The plan JSON file.")
    Path planFile;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "3600",
            description = "Simulated seconds of arrivals (default: ${DEFAULT-VALUE}); the first tenth warms up.")
    double duration;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the arrivals (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the report as JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!(duration > 0.0) || !Double.isFinite(duration) || duration > 1e7) {
            throw new ParameterException(spec.commandLine(), "--duration " + duration
                    + " is not a positive number of seconds up to 1e7; try --duration 3600");
        }
        Instance instance = Catalogs.reader().read(instanceFile);
        Plan plan = PlanJson.read(planFile, instance);
        SimulationReport report = new ServingSimulation(instance, plan).run(duration, seed);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            out.println();
        } else {
            out.println(Tables.describe(instance));
            out.printf(Locale.ROOT, "Simulated %.0f s (seed %d): %d prefills, %d decode iterations, in %.3f s.%n%n",
                    duration, seed, report.prefills(), report.iterations(), report.seconds());
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"request", "mode", "n", "TTFT pred", "TTFT sim", "TTFT@pct pred", "TTFT@pct sim",
                "latency pred", "latency sim", "latency@pct pred", "latency@pct sim"});
            for (SimulationReport.ClassResult c : report.classes()) {
                rows.add(new String[] {c.request(), c.mode(), String.valueOf(c.samples()),
                    Tables.seconds(c.predictedTtft()), Tables.seconds(c.simulatedTtft()),
                    Tables.seconds(c.predictedTtftPercentile()), Tables.seconds(c.simulatedTtftPercentile()),
                    Tables.seconds(c.predictedLatency()), Tables.seconds(c.simulatedLatency()),
                    Tables.seconds(c.predictedLatencyPercentile()), Tables.seconds(c.simulatedLatencyPercentile())});
            }
            Tables.table(out, "Served request classes (pred: the evaluator; sim: measured; @pct at each class's SLO"
                    + " percentile)", rows);
        }
        out.flush();
        return ExitCode.OK;
    }
}
