package org.meiplan.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.math.LpWriter;
import org.meiplan.models.math.MpsWriter;
import org.meiplan.models.math.Program;
import org.meiplan.models.plan.Plan;
import org.meiplan.solvers.export.StagePrograms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meiplan export INSTANCE --stage S --format F}: the program a stage solves, as LP or MPS text. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the math program a planning stage solves as CPLEX LP or MPS, with rows and columns named"
                + " by the instance's ids, for GLPK, HiGHS, CBC, SCIP, CPLEX or Gurobi.",
                "A maximisation is written to MPS as the minimisation of the negated objective (no OBJSENSE section,"
                        + " which GLPK rejects and CBC ignores); the file's comments say so.",
                "Fixed MPS has 8-character names (a comment maps them to the readable ones) and 12-character numbers;"
                        + " a program whose numbers do not fit is refused. The training stage's scheduling program has"
                        + " no LP/MPS form."},
        footerHeading = "%nExamples:%n",
        footer = {"  meiplan export datasets/instances/edge-tiny.json --stage caching --format lp -o caching.lp",
                "  glpsol --lp caching.lp",
                "  meiplan export INSTANCE --stage serving --format mps -o serving.mps && glpsol --freemps serving.mps",
                "  meiplan export INSTANCE --stage serving --plan plan.json --format fixed-mps -o serving.mps"
                        + "   (the plan's cache)"})
final class ExportCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        LP("lp"), MPS("mps"), FIXED_MPS("fixed-mps");

        final String id;

        Format(String id) {
            this.id = id;
        }

        static Format of(String text) {
            for (Format f : values()) {
                if (f.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw new IllegalArgumentException("--format " + text + " is not a format; use lp, mps (free MPS) or"
                    + " fixed-mps.");
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "The instance JSON file (- reads standard input).")
    Path instanceFile;

    @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "caching or serving.")
    String stage;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "lp, mps (free MPS) or fixed-mps (default: from the -o file's extension, else lp).")
    String format;

    @Option(names = "--plan", paramLabel = "PLAN",
            description = "A plan whose caching part fixes the serving program's cache (default: cache free within"
                    + " storage, as when serving runs first).")
    Path planFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (default, or -: standard"
            + " output).")
    Path output;

    @Override
    public Integer call() throws Exception {
        Format chosen = format != null ? Format.of(format)
                : output != null && output.toString().endsWith(".mps") ? Format.MPS : Format.LP;
        Io.oneStdin(instanceFile, planFile);
        Io.checkOutput(output);
        Instance instance = Io.instance(instanceFile);
        Plan sofar = planFile == null ? Plan.empty(instance.name()) : Io.plan(planFile, instance);
        Program program = StagePrograms.of(stage.trim().toLowerCase(Locale.ROOT), instance, sofar);
        String text = switch (chosen) {
            case LP -> LpWriter.toString(program);
            case MPS -> MpsWriter.toString(program, MpsWriter.Format.FREE);
            case FIXED_MPS -> MpsWriter.toString(program, MpsWriter.Format.FIXED);
        };
        Io.write(spec, output == null ? Path.of(Io.STDIO) : output, text);
        if (output != null && !Io.isStdio(output)) {
            spec.commandLine().getErr().printf(Locale.ROOT, "wrote %s: %s program, %d columns, %d rows, %d non-zeros%n",
                    output, stage, program.numVariables(), program.numConstraints(), program.numNonZeros());
        }
        return ExitCode.OK;
    }
}
