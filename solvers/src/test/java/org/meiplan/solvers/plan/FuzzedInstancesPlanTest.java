package org.meiplan.solvers.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.meiplan.datasets.catalog.BuiltinCatalog;
import org.meiplan.datasets.fuzz.FuzzCorpus;
import org.meiplan.datasets.fuzz.FuzzContract;
import org.meiplan.datasets.fuzz.JsonMutator;
import org.meiplan.models.eval.Evaluator;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.InstanceReader;
import org.meiplan.models.io.PlanJson;
import org.meiplan.models.plan.Plan;

/**
 * The fuzzer's second half (slow profile): every mutated instance the reader accepts is planned
 * with the fast heuristic of {@link #GREEDY_STAGES} within 2 s; the planner must not throw, the
 * plan must be evaluated without an exception and read back equal after writing. Seeds
 * 0–{@code fuzz.plan.seeds} (default 20,000; about one mutant in twenty is accepted); the same
 * mutants as the reader fuzzer of {@code datasets}.
 */
@Tag("slow")
class FuzzedInstancesPlanTest {

    /** The stages planned with {@code greedy}; the rest of the pipeline runs with its defaults. */
    static final List<String> GREEDY_STAGES = List.of("caching", "serving");
    static final long SEEDS = Long.getLong("fuzz.plan.seeds", 20_000);
    static final int BLOCK = 500;
    static final InstanceReader READER = new InstanceReader(BuiltinCatalog.instance());
    static List<FuzzCorpus.Entry> corpus;

    @BeforeAll
    static void loadCorpus() {
        corpus = FuzzCorpus.entries();
    }

    static Stream<Long> blocks() {
        return LongStream.range(0, (SEEDS + BLOCK - 1) / BLOCK).boxed();
    }

    @ParameterizedTest(name = "seeds {0} x 500")
    @MethodSource("blocks")
    void everyAcceptedMutantPlansToAPlanThatEvaluatesAndReadsBack(long block) {
        List<String> breaches = new ArrayList<>();
        for (long seed = block * BLOCK; seed < Math.min(SEEDS, (block + 1) * BLOCK); seed++) {
            FuzzCorpus.Entry base = corpus.get((int) Math.floorMod(seed, (long) corpus.size()));
            JsonMutator.Mutant mutant = JsonMutator.mutate(base.instanceJson(), seed);
            if (mutant.damaged()) {
                continue;
            }
            Instance instance;
            try {
                instance = READER.read(mutant.text());
            } catch (RuntimeException e) {
                String breach = FuzzContract.instanceBreach(e, "The instance");
                if (breach != null) {
                    breaches.add(base.name() + " " + mutant + ": " + breach);
                }
                continue;
            }
            try {
                Planner.Builder builder = Planner.builder().timeLimitSeconds(2).seed((int) seed);
                GREEDY_STAGES.forEach(stage -> builder.algorithm(stage, StageOptions.GREEDY));
                Plan plan = builder.build().plan(instance).plan();
                new Evaluator().evaluate(instance, plan);
                Plan again = PlanJson.read(PlanJson.toString(plan), instance);
                if (!again.equals(plan)) {
                    breaches.add(base.name() + " " + mutant + ": the plan read back differs");
                }
            } catch (RuntimeException | StackOverflowError e) {
                breaches.add(base.name() + " " + mutant + ": accepted, then planning threw " + e);
            }
        }
        assertThat(breaches).isEmpty();
    }
}
