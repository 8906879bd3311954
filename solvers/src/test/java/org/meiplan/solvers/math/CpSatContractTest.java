package org.meiplan.solvers.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.meiplan.models.math.Program;
import org.meiplan.models.math.SolveResult;
import org.meiplan.models.math.SolveStatus;
import org.meiplan.solvers.backend.ortools.CpSatBackend;

class CpSatContractTest extends BackendContractTest {
    @Override
    Backend backend() {
        return new CpSatBackend();
    }

    @Test
    void reportsProgressWithIncumbentAndBound() {
        Program p = TestPrograms.hardKnapsack(300, 10, 1);
        List<double[]> events = new CopyOnWriteArrayList<>();
        SolveResult r = backend().solve(p, SolveOptions.builder().timeLimitSeconds(1)
                .progress((t, incumbent, bound) -> events.add(new double[] {t, incumbent, bound})).build());
        assertThat(r.status()).isEqualTo(SolveStatus.FEASIBLE);
        assertThat(events).isNotEmpty();
        double[] last = events.get(events.size() - 1);
        assertThat(last[1]).isLessThanOrEqualTo(r.objective() + 1e-6);
        assertThat(last[2]).isGreaterThanOrEqualTo(last[1]); // maximization: bound above incumbent
    }

    @Test
    void defaultWorkersProduceAFiniteBound() {
        // with 2 workers CP-SAT runs no LP bounding; the backend's default (8) must give a useful bound
        // a gap target with a generous limit (robust to a loaded machine): the search stops once it is reached
        SolveResult r = backend().solve(TestPrograms.hardKnapsack(300, 10, 1),
                SolveOptions.builder().timeLimitSeconds(30).relativeGap(0.04).build());
        assertThat(r.bound()).isFinite();
        assertThat(r.gap()).isLessThan(0.05);
    }

    @Test
    void oneThreadIsDeterministic() {
        Program p = TestPrograms.hardKnapsack(40, 5, 11);
        SolveOptions o = SolveOptions.builder().threads(1).relativeGap(0).seed(5).build();
        SolveResult a = backend().solve(p, o);
        SolveResult b = backend().solve(p, o);
        assertThat(a.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(b.nodes()).isEqualTo(a.nodes());
        assertThat(b.values()).containsExactly(a.values());
    }
}
