package org.meiplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.meiplan.datasets.generate.GeneratedScenario;
import org.meiplan.datasets.generate.ScenarioGenerator;
import org.meiplan.datasets.generate.Scenarios;
import org.meiplan.datasets.generate.Size;
import org.meiplan.models.io.InstanceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code meiplan generate}: a seeded scenario instance from the built-in generators. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a seeded scenario instance. Same options and seed give a byte-identical file.",
                "Scenarios: mobile-health, humanoid-robots, autonomous-driving (a sequence of snapshots),"
                        + " virtual-assistant. Sizes: tiny, small, medium, metro."},
        footerHeading = "%nExamples:%n",
        footer = {"  meiplan generate --scenario virtual-assistant --size small --seed 1 -o va-small.json",
                "  meiplan generate --scenario mobile-health --sites 7 --users 200 --seed 42 > health.json",
                "  meiplan generate --scenario autonomous-driving --size tiny -o drive.json   (writes drive-t00.json, ...)"})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "NAME", description = "The scenario.")
    String scenario;

    @Option(names = "--size", paramLabel = "SIZE", description = "tiny, small, medium or metro (default: small"
            + " unless --sites/--users are given).")
    String size;

    @Option(names = "--sites", paramLabel = "M", description = "Number of sites (overrides the size).")
    Integer sites;

    @Option(names = "--users", paramLabel = "N", description = "Number of users (overrides the size).")
    Integer users;

    @Option(names = "--variants", paramLabel = "V", description = "Number of model variants (overrides the size).")
    Integer variants;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (snapshots of a moving scenario go to FILE-t00.json, ...). Default, or -:"
                    + " standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (!Scenarios.names().contains(scenario)) {
            throw new IllegalArgumentException("--scenario " + scenario + " is not a scenario. Choose one of: "
                    + String.join(", ", Scenarios.names()) + ".");
        }
        Size base = Size.fromName(size == null ? "small" : size);
        int m = sites == null ? base.sites() : positive("--sites", sites);
        int n = users == null ? base.users() : positive("--users", users);
        int v = variants == null ? base.variants() : positive("--variants", variants);
        GeneratedScenario generated = sites == null && users == null && variants == null
                ? ScenarioGenerator.generate(scenario, base, seed)
                : ScenarioGenerator.generate(scenario, m, n, v, seed);
        PrintWriter out = spec.commandLine().getOut();
        int count = generated.snapshots().size();
        Path target0 = output == null || Io.isStdio(output) || count == 1 ? output : null;
        Io.checkOutput(target0);
        if (output == null || Io.isStdio(output)) {
            if (count > 1) {
                throw new IllegalArgumentException("scenario " + scenario + " is a sequence of " + count
                        + " snapshots; give -o FILE to write them as FILE-t00.json, ...");
            }
            out.print(generated.toJson(0));
            out.flush();
            return ExitCode.OK;
        }
        List<Path> written = new ArrayList<>();
        String name = output.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        for (int t = 0; t < count; t++) {
            Path target = count == 1 ? output : output.resolveSibling(String.format(Locale.ROOT, "%s-t%02d.json", stem, t));
            InstanceWriter.JsonText.writeAtomically(generated.toJson(t), target);
            written.add(target);
        }
        for (Path path : written) {
            spec.commandLine().getErr().println("wrote " + path);
        }
        return ExitCode.OK;
    }

    private static int positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " " + value + " must be at least 1.");
        }
        return value;
    }
}
