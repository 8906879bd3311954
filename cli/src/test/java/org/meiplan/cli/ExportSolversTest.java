package org.meiplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.math.Program;
import org.meiplan.models.math.Sense;
import org.meiplan.models.math.SolveResult;
import org.meiplan.models.math.SolveStatus;
import org.meiplan.models.plan.Plan;
import org.meiplan.solvers.export.StagePrograms;
import org.meiplan.solvers.math.SolveOptions;
import org.meiplan.solvers.math.Solvers;

/**
 * {@code meiplan export} files solved by other programs: GLPK's {@code glpsol} (LP, free and fixed MPS) and, when
 * installed, CBC (free and fixed MPS) reach the optimum meiplan's own backend finds for the same stage program, with
 * the right sense (a maximisation is written to MPS negated). Runs when {@code glpsol} is on the PATH; on CI
 ({@code CI} set, where {@code .ci/run} installs Debian's glpk-utils) a missing glpsol fails the test.
 */
class ExportSolversTest {

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = dir.resolve("solver.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finishes", command).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s:%n%s", command, output).isZero();
        return output;
    }

    static double parse(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("objective (%s) in:%n%s", regex, text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** What meiplan's own backend finds for the stage's program, and its sense. */
    static SolveResult reference(String stage, Program[] program) throws IOException {
        Instance instance = Catalogs.reader().read(Path.of(MeiplanCliTest.INSTANCE));
        program[0] = StagePrograms.of(stage, instance, Plan.empty(instance.name()));
        SolveResult ours = Solvers.solve(program[0], SolveOptions.builder().relativeGap(0).timeLimitSeconds(60).build());
        assertThat(ours.status()).isEqualTo(SolveStatus.OPTIMAL);
        return ours;
    }

    @ParameterizedTest(name = "{0} {1} by {2}")
    @CsvSource({
        "caching, lp, glpsol", "caching, mps, glpsol", "caching, fixed-mps, glpsol",
        "serving, lp, glpsol", "serving, mps, glpsol", "serving, fixed-mps, glpsol",
        "caching, mps, cbc", "caching, fixed-mps, cbc", "serving, mps, cbc", "serving, fixed-mps, cbc"})
    void anotherSolverReachesMeiplansOptimum(String stage, String format, String solver, @TempDir Path dir)
            throws Exception {
        boolean required = solver.equals("glpsol") && System.getenv("CI") != null;
        Assumptions.assumeTrue(onPath(solver) || required, solver + " is not on the PATH");
        assertThat(onPath(solver)).as("%s on the PATH (CI installs it in .ci/run)", solver).isTrue();

        Program[] program = new Program[1];
        SolveResult ours = reference(stage, program);
        Path file = dir.resolve(stage + (format.equals("lp") ? ".lp" : ".mps"));
        MeiplanCliTest.Result exported = MeiplanCliTest.run("export", MeiplanCliTest.INSTANCE, "--stage", stage,
                "--format", format, "-o", file.toString());
        assertThat(exported.code()).as(exported.err()).isEqualTo(ExitCode.OK);

        List<String> command = new ArrayList<>();
        double found;
        if (solver.equals("glpsol")) {
            command.add("glpsol");
            command.add(switch (format) {
                case "lp" -> "--lp";
                case "mps" -> "--freemps";
                default -> "--mps";
            });
            command.addAll(List.of(file.toString(), "-o", "solution.txt"));
            run(dir, command);
            String solution = Files.readString(dir.resolve("solution.txt"));
            assertThat(solution).contains("INTEGER OPTIMAL");
            found = parse(solution, "Objective:\\s+\\S+ = (\\S+)");
        } else {
            command.addAll(List.of("cbc", file.toString(), "solve", "quit"));
            String log = run(dir, command);
            assertThat(log).contains("Optimal solution found");
            found = parse(log, "Objective value:\\s+(\\S+)");
        }
        // LP keeps "Maximize"; MPS holds the minimisation of the negated objective.
        double expected = format.equals("lp") || program[0].sense() == Sense.MINIMIZE ? ours.objective()
                : -ours.objective();
        assertThat(found).as("%s optimum of %s", solver, file.getFileName())
                .isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
    }
}
