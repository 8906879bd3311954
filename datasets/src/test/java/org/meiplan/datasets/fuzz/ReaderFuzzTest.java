package org.meiplan.datasets.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.meiplan.datasets.catalog.BuiltinCatalog;
import org.meiplan.models.eval.Evaluator;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.InstanceReader;
import org.meiplan.models.io.PlanJson;
import org.meiplan.models.plan.Plan;

/**
 * The instance and plan fuzzers: seeded mutants of the {@link FuzzCorpus} documents must each be
 * read or rejected with the project's exception naming JSON paths ({@link FuzzContract}); an
 * accepted instance must be evaluable (the evaluator never throws), and an accepted plan must be
 * evaluated without an exception and read back after writing. The short run (2,000 instances,
 * 500 plans) is part of {@code verify}; the long one (10^5 instances, 2·10^4 plans) runs with
 * {@code -Pslow}.
 */
class ReaderFuzzTest {

    static final int BLOCK = 100;
    static List<FuzzCorpus.Entry> corpus;
    static final InstanceReader READER = new InstanceReader(BuiltinCatalog.instance());

    @TempDir
    static Path dir;

    @BeforeAll
    static void loadCorpus() {
        corpus = FuzzCorpus.entries();
    }

    static Stream<Long> shortInstanceBlocks() {
        return LongStream.range(0, 2_000 / BLOCK).boxed();
    }

    static Stream<Long> shortPlanBlocks() {
        return LongStream.range(0, 500 / BLOCK).boxed();
    }

    static Stream<Long> longInstanceBlocks() {
        return LongStream.range(1_000, 1_000 + 100_000 / BLOCK).boxed();
    }

    static Stream<Long> longPlanBlocks() {
        return LongStream.range(1_000, 1_000 + 20_000 / BLOCK).boxed();
    }

    @ParameterizedTest(name = "instance seeds {0}00-{0}99")
    @MethodSource("shortInstanceBlocks")
    void mutatedInstancesAreReadOrRejectedWithPaths(long block) throws IOException {
        assertThat(instanceBreaches(block)).isEmpty();
    }

    @ParameterizedTest(name = "plan seeds {0}00-{0}99")
    @MethodSource("shortPlanBlocks")
    void mutatedPlansAreReadOrRejectedWithPaths(long block) throws IOException {
        assertThat(planBreaches(block)).isEmpty();
    }

    @Tag("slow")
    @ParameterizedTest(name = "instance seeds {0}00-{0}99")
    @MethodSource("longInstanceBlocks")
    void manyMutatedInstancesAreReadOrRejectedWithPaths(long block) throws IOException {
        assertThat(instanceBreaches(block)).isEmpty();
    }

    @Tag("slow")
    @ParameterizedTest(name = "plan seeds {0}00-{0}99")
    @MethodSource("longPlanBlocks")
    void manyMutatedPlansAreReadOrRejectedWithPaths(long block) throws IOException {
        assertThat(planBreaches(block)).isEmpty();
    }

    /** Reads the mutants of one block of seeds; returns each breach of the contract with its mutant. */
    static List<String> instanceBreaches(long block) throws IOException {
        List<String> breaches = new ArrayList<>();
        Path file = dir.resolve("instance-" + block + ".json");
        for (long seed = block * BLOCK; seed < (block + 1) * BLOCK; seed++) {
            FuzzCorpus.Entry base = corpus.get((int) Math.floorMod(seed, (long) corpus.size()));
            JsonMutator.Mutant mutant = JsonMutator.mutate(base.instanceJson(), seed);
            // Damaged bytes go through a file (encodings are detected from bytes); the rest as text.
            String what = mutant.damaged() ? file.toString() : "The instance";
            if (mutant.damaged()) {
                Files.write(file, mutant.bytes());
            }
            Instance instance;
            try {
                instance = mutant.damaged() ? READER.read(file) : READER.read(mutant.text());
            } catch (Throwable thrown) {
                String breach = FuzzContract.instanceBreach(thrown, what);
                if (breach != null) {
                    breaches.add(base.name() + " " + mutant + ": " + breach);
                }
                continue;
            }
            try {
                new Evaluator().evaluate(instance, Plan.empty(instance.name()));
                new Evaluator().evaluate(instance, FuzzCorpus.everyModePlan(instance));
            } catch (Throwable thrown) {
                breaches.add(base.name() + " " + mutant + ": accepted, then the evaluator threw " + thrown);
            }
        }
        return breaches;
    }

    static List<String> planBreaches(long block) throws IOException {
        List<String> breaches = new ArrayList<>();
        Path file = dir.resolve("plan-" + block + ".json");
        for (long seed = block * BLOCK; seed < (block + 1) * BLOCK; seed++) {
            FuzzCorpus.Entry base = corpus.get((int) Math.floorMod(seed, (long) corpus.size()));
            JsonMutator.Mutant mutant = JsonMutator.mutate(base.planJson(), seed);
            String what = mutant.damaged() ? file.toString() : "The plan";
            if (mutant.damaged()) {
                Files.write(file, mutant.bytes());
            }
            Plan plan;
            try {
                plan = mutant.damaged() ? PlanJson.read(file, base.instance()) : PlanJson.read(mutant.text(), base.instance());
            } catch (Throwable thrown) {
                String breach = FuzzContract.planBreach(thrown, what);
                if (breach != null) {
                    breaches.add(base.name() + " " + mutant + ": " + breach);
                }
                continue;
            }
            try {
                new Evaluator().evaluate(base.instance(), plan);
                Plan again = PlanJson.read(PlanJson.toString(plan), base.instance());
                if (!again.equals(plan)) {
                    breaches.add(base.name() + " " + mutant + ": the plan read back differs");
                }
            } catch (Throwable thrown) {
                breaches.add(base.name() + " " + mutant + ": accepted, then evaluating or reading back threw " + thrown);
            }
        }
        return breaches;
    }
}
