package org.meiplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meiplan.cli.MeiplanCliTest.Result;

/** The main paths of {@code meiplan solve} a new user walks first, each a reproducer that once failed. */
class SolveMainPathsTest {

    static Result run(String... args) {
        return MeiplanCliTest.run(args);
    }

    static Path generate(Path dir, String scenario, String size) {
        Path file = dir.resolve(scenario + "-" + size + ".json");
        Result r = run("generate", "--scenario", scenario, "--size", size, "--seed", "1", "-o", file.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        return file;
    }

    @Test
    void theReadmeExampleWithoutTrainingJobsSolves() {
        String instance = MeiplanCliTest.root().resolve("datasets/instances/readme-example.json").toString();
        Result r = run("solve", instance, "--time-limit", "20");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("training", "no training jobs", "Plan is FEASIBLE");
        assertThat(r.err()).doesNotContain("primal values");
    }

    @Test
    void aGreedyPlanOfCachingAndServingIsReadBackByEvaluate(@TempDir Path dir) throws IOException {
        Path instance = generate(dir, "virtual-assistant", "small");
        Path plan = dir.resolve("p.json");
        Result solved = run("solve", instance.toString(), "--stage", "caching,serving", "--algorithm", "greedy",
                "--time-limit", "20", "-o", plan.toString(), "-q");
        assertThat(solved.code()).as(solved.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(plan)).doesNotContain("\"nodes\" : -1").doesNotContain("\"nodes\": -1");
        Result evaluated = run("evaluate", instance.toString(), plan.toString());
        assertThat(evaluated.code()).as(evaluated.err()).isEqualTo(ExitCode.OK);
        assertThat(evaluated.out()).contains("Plan is FEASIBLE");
    }

    @Test
    void greedyAndHeuristicRunEveryStagesFastHeuristic(@TempDir Path dir) throws IOException {
        Path instance = generate(dir, "mobile-health", "small");
        for (String name : new String[] {"greedy", "heuristic"}) {
            Path plan = dir.resolve(name + ".json");
            Result r = run("solve", instance.toString(), "--algorithm", name, "--time-limit", "20", "-o",
                    plan.toString());
            assertThat(r.code()).as(name + ": " + r.err()).isEqualTo(ExitCode.OK);
            assertThat(r.err()).contains("training");
            String written = Files.readString(plan);
            assertThat(written).contains("\"edf-ls\"").doesNotContain("cpsat").doesNotContain("\"scip\"");
            assertThat(run("evaluate", instance.toString(), plan.toString()).code()).isEqualTo(ExitCode.OK);
        }
    }

    @Test
    void anOptionAStageCannotHonourIsRejectedBeforeAnyStageRuns() {
        String instance = MeiplanCliTest.root().resolve("datasets/instances/edge-tiny.json").toString();
        String[][] calls = {
            {"--algorithm", "no-such-algorithm"},
            {"--algorithm", "greedy", "--solver", "cpsat"}, // the LP bounds cannot use CP-SAT
            {"--solver", "glop", "--algorithm", "exact"}, // an LP solver for a MILP
            {"--solver", "scip"}, // training schedules with CP-SAT only
        };
        for (String[] options : calls) {
            String[] args = new String[options.length + 2];
            args[0] = "solve";
            args[1] = instance;
            System.arraycopy(options, 0, args, 2, options.length);
            Result r = run(args);
            assertThat(r.code()).as(String.join(" ", options) + ": " + r.err()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(r.err()).as(String.join(" ", options)).doesNotContain("[1/").doesNotContain("Exception")
                    .contains("meiplan: ");
        }
    }
}
