package org.meiplan.models.simulate;

import java.util.List;

/**
 * What a simulation measured next to what the evaluator predicted, per served request class:
 * mean and percentile (the class's SLO percentile) of time to first token and of end-to-end
 * latency, in seconds, over the requests measured.
 *
 * @param iterations decode iterations the servers ran
 * @param prefills prefills the servers ran
 * @param seconds wall-clock seconds the simulation took
 */
public record SimulationReport(String instance, double duration, List<ClassResult> classes, long iterations,
        long prefills, double seconds) {

    public SimulationReport {
        classes = List.copyOf(classes);
    }

    /** One class: predicted (evaluator) and simulated figures. */
    public record ClassResult(String request, String mode, double percentile, int samples, double predictedTtft,
            double simulatedTtft, double predictedTtftPercentile, double simulatedTtftPercentile,
            double predictedLatency, double simulatedLatency, double predictedLatencyPercentile,
            double simulatedLatencyPercentile) {

        /** Relative error of the predicted mean latency against the simulated one. */
        public double latencyError() {
            return predictedLatency / simulatedLatency - 1.0;
        }

        /** Relative error of the predicted percentile latency against the simulated one. */
        public double latencyPercentileError() {
            return predictedLatencyPercentile / simulatedLatencyPercentile - 1.0;
        }

        /** Relative error of the predicted mean time to first token. */
        public double ttftError() {
            return predictedTtft / simulatedTtft - 1.0;
        }

        /** Relative error of the predicted percentile time to first token. */
        public double ttftPercentileError() {
            return predictedTtftPercentile / simulatedTtftPercentile - 1.0;
        }
    }
}
