package org.meiplan.models.formulations.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.meiplan.models.eval.InferenceReservation;
import org.meiplan.models.instance.Architecture;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.Link;
import org.meiplan.models.instance.Profile;
import org.meiplan.models.instance.Site;
import org.meiplan.models.instance.TrainingJob;
import org.meiplan.models.instance.Variant;
import org.meiplan.models.math.schedule.Mode;
import org.meiplan.models.math.schedule.ScheduleObjective;
import org.meiplan.models.math.schedule.ScheduleProgram;
import org.meiplan.models.math.schedule.ScheduleSolution;
import org.meiplan.models.math.schedule.Span;
import org.meiplan.models.math.schedule.Task;
import org.meiplan.models.physics.Compute;
import org.meiplan.models.physics.Memory;
import org.meiplan.models.plan.TrainingRun;

/**
 * Fine-tuning jobs on edge sites over a horizon, as a {@link ScheduleProgram} on a grid of {@code tick} seconds.
 *
 * <pre>
 *   data   work[j,s] = trainingFlops(j)·(L − c_j)/L                    FLOP on the site (c_j: split layer)
 *          lanes[s]  = gpus[s]·lanesPerGpu,   rate[s] = residualFlops[s]/lanes[s]   (what inference left)
 *          d[j,s]    = ⌈work[j,s] / rate[s] / tick⌉                     ticks, rounded UP
 *          state[j]  = trainingStateBytes(j),  base[j] = weightBytesForLayers(base, c_j, L)
 *   vars   site[j] ∈ sites(j),  start[j] ≥ ⌈release[j]/tick⌉
 *   s.t.   Σ_{j running at τ on s} 1 ≤ lanes[s]                                        (cumulative lanes)
 *          Σ_{j running at τ on s} ⌈state[j]⌉_MB + Σ_{bases b held at τ on s} ⌈max base⌉_MB ≤ ⌊residualMemory[s]⌋_MB
 *          per site two modes: on the span of base b at s, which covers every job run on it and holds ⌈max base⌉
 *          once (shared), or with the job's own copy of the base in its memory demand (always possible)
 *   min    Σ w_j·max(0, end[j] − ⌊deadline[j]/tick⌋) | max end | Σ w_j·[late j] | Σ energy[j,s]
 * </pre>
 * Every schedule of the program is feasible in continuous time for the {@link org.meiplan.models.eval.Evaluator}: a
 * run occupies its whole rounded-up interval at a rate ≤ rate[s], memory is rounded up per job and down per site, and a
 * span holds the base at least wherever two of its jobs overlap. The span is conservative: it also holds the base in
 * the gaps between the jobs on it, which is why a job may also run with its own copy. With
 * {@link BaseWeights#PER_JOB} only the own-copy mode exists.
 *
 * <p>Sites of a job: its {@code site} if given; else, for a job with a {@code user}, the user's site and the sites one
 * direct link away (its reach), those with GPUs; else (or if none of those has GPUs) every site with GPUs. A site
 * where the job alone does not fit in memory, or that has no compute left, is dropped; a job with no site left is
 * reported in {@link #unschedulable()} and not scheduled.
 *
 * <p>Deadlines on the grid: tardiness is counted from {@code ⌊deadline/tick⌋}, exact when deadlines are multiples of
 * the tick (the generator writes whole minutes), an upper bound otherwise.
 */
public final class TrainingScheduleFormulation {

    /** Bytes per memory unit of the program (1 MB). */
    public static final double MEMORY_UNIT = 1e6;

    /**
     * How to build the program.
     *
     * @param tickSeconds  grid step (default 60 s)
     * @param lanesPerGpu  concurrent jobs per GPU, each at {@code 1/lanes} of the site's residual compute (default 2:
     *                     multi-LoRA training of several adapters over one resident base)
     * @param baseWeights  {@link BaseWeights#SHARED}: a job runs on the base's span or with its own copy;
     *                     {@link BaseWeights#PER_JOB}: always its own copy
     */
    public record Settings(TrainingObjective objective, BaseWeights baseWeights, double tickSeconds, int lanesPerGpu) {
        public static final Settings DEFAULT = new Settings(new TrainingObjective.WeightedTardiness(), BaseWeights.SHARED,
                60.0, 2);

        public Settings {
            Objects.requireNonNull(objective, "objective");
            Objects.requireNonNull(baseWeights, "baseWeights");
            if (!(tickSeconds > 0) || lanesPerGpu < 1) {
                throw new IllegalArgumentException("tickSeconds must be > 0 and lanesPerGpu >= 1, were " + tickSeconds
                        + " and " + lanesPerGpu);
            }
        }

        public Settings with(TrainingObjective o) {
            return new Settings(o, baseWeights, tickSeconds, lanesPerGpu);
        }

        public Settings with(BaseWeights b) {
            return new Settings(objective, b, tickSeconds, lanesPerGpu);
        }

        public Settings withLanesPerGpu(int lanes) {
            return new Settings(objective, baseWeights, tickSeconds, lanes);
        }
    }

    /** A job that cannot be scheduled anywhere, and why. */
    public record Unschedulable(String job, String reason) {
    }

    private final Instance instance;
    private final Settings settings;
    private final double tick;
    private final ScheduleProgram program;
    private final int[] jobOfTask;
    private final int[][] siteOfMode;
    private final double[][] exactSeconds;
    private final int[] splitLayer;
    private final List<Unschedulable> unschedulable;

    private TrainingScheduleFormulation(Instance instance, Settings settings, double tick, ScheduleProgram program,
            int[] jobOfTask, int[][] siteOfMode, double[][] exactSeconds, int[] splitLayer,
            List<Unschedulable> unschedulable) {
        this.instance = instance;
        this.settings = settings;
        this.tick = tick;
        this.program = program;
        this.jobOfTask = jobOfTask;
        this.siteOfMode = siteOfMode;
        this.exactSeconds = exactSeconds;
        this.splitLayer = splitLayer;
        this.unschedulable = List.copyOf(unschedulable);
    }

    /**
     * Builds the program.
     *
     * @param residual   what inference leaves at each site ({@link InferenceReservation#residual})
     * @param splitLayer per job, the first layer run on the site (0: all on the site)
     */
    public static TrainingScheduleFormulation build(Instance instance, List<InferenceReservation.Residual> residual,
            int[] splitLayer, Settings settings) {
        List<TrainingJob> jobs = instance.training().jobs();
        if (splitLayer.length != jobs.size() || residual.size() != instance.sites().size()) {
            throw new IllegalArgumentException("one split layer per job and one residual per site are needed");
        }
        // data
        int siteCount = instance.sites().size();
        int[] lanes = new int[siteCount];
        double[] laneRate = new double[siteCount];
        long[] memoryUnits = new long[siteCount];
        for (Site site : instance.sites()) {
            int s = site.index();
            lanes[s] = site.hasGpus() ? site.gpus() * settings.lanesPerGpu() : 0;
            laneRate[s] = lanes[s] == 0 ? 0.0 : residual.get(s).flops() / lanes[s];
            memoryUnits[s] = (long) Math.floor(residual.get(s).memory() / MEMORY_UNIT);
        }
        double tick = tick(instance, settings, laneRate, splitLayer);
        List<Task> tasks = new ArrayList<>();
        List<int[]> sitesOfTask = new ArrayList<>();
        List<double[]> secondsOfTask = new ArrayList<>();
        List<long[]> baseOfTask = new ArrayList<>();
        List<Integer> jobOf = new ArrayList<>();
        List<Unschedulable> dropped = new ArrayList<>();
        long horizon = (long) Math.ceil(instance.training().horizon() / tick);
        long maxRelease = 0;
        long durationSum = 0;
        for (TrainingJob job : jobs) {
            int c = splitLayer[job.index()];
            Variant base = instance.variants().get(job.base());
            Architecture arch = instance.catalog().architectureOf(base);
            double adapterParams = job.isLora() ? job.adapter().params() : 0.0;
            int layersHere = arch.layers() - c;
            double work = Compute.trainingFlops(arch, adapterParams, job.isLora(), job.tokens(), job.epochs())
                    * layersHere / arch.layers();
            double state = Memory.trainingStateBytes(arch, job.isLora() ? adapterParams : arch.params(), 2.0,
                    job.batchTokens(), layersHere);
            double baseBytes = Memory.weightBytesForLayers(arch, instance.catalog().precisionOf(base).bytesPerParam(), c,
                    arch.layers());
            long stateUnits = (long) Math.ceil(state / MEMORY_UNIT);
            long baseUnits = (long) Math.ceil(baseBytes / MEMORY_UNIT);
            List<Mode> modes = new ArrayList<>();
            List<Integer> modeSites = new ArrayList<>();
            List<Double> modeSeconds = new ArrayList<>();
            StringBuilder why = new StringBuilder();
            for (int s : candidateSites(instance, job)) {
                long need = stateUnits + baseUnits;
                if (laneRate[s] <= 0) {
                    why.append(instance.sites().get(s).id()).append(": no compute left; ");
                    continue;
                }
                if (need > memoryUnits[s]) {
                    why.append(String.format(Locale.ROOT, "%s: needs %.3g GB, %.3g GB left; ", instance.sites().get(s).id(),
                            need * MEMORY_UNIT / 1e9, memoryUnits[s] * MEMORY_UNIT / 1e9));
                    continue;
                }
                double seconds = work / laneRate[s];
                long ticks = Math.max(1, (long) Math.ceil(seconds / tick - 1e-9));
                Profile gpu = instance.gpuOf(instance.sites().get(s));
                double energy = work * gpu.powerBusy() / (gpu.peakFlops("fp16") * gpu.efficiency());
                if (settings.baseWeights() == BaseWeights.SHARED) {
                    // on the base's span of this site: the job's own state only
                    modes.add(new Mode(s, ticks, new int[] {2 * s, 2 * s + 1}, new long[] {1, stateUnits}, energy));
                    modeSites.add(s);
                    modeSeconds.add(seconds);
                }
                // with its own copy of the base (always possible when the job alone fits)
                modes.add(new Mode(s, ticks, new int[] {2 * s, 2 * s + 1}, new long[] {1, stateUnits + baseUnits},
                        energy));
                modeSites.add(s);
                modeSeconds.add(seconds);
            }
            if (modes.isEmpty()) {
                dropped.add(new Unschedulable(job.id(), why.length() == 0 ? "no site with GPUs can run it"
                        : why.substring(0, why.length() - 2)));
                continue;
            }
            long release = (long) Math.ceil(job.release() / tick - 1e-9);
            long due = (long) Math.floor(job.deadline() / tick + 1e-9);
            tasks.add(new Task(job.id(), release, due, job.weight(), modes));
            sitesOfTask.add(modeSites.stream().mapToInt(Integer::intValue).toArray());
            secondsOfTask.add(modeSeconds.stream().mapToDouble(Double::doubleValue).toArray());
            baseOfTask.add(new long[] {job.base(), baseUnits});
            jobOf.add(job.index());
            maxRelease = Math.max(maxRelease, release);
            durationSum += modes.stream().mapToLong(Mode::duration).max().orElse(0);
        }
        // a horizon long enough to run every job one after the other: the program is always feasible
        horizon = Math.max(horizon, maxRelease + durationSum + 1);
        ScheduleProgram.Builder b = ScheduleProgram.builder("training", horizon);
        for (Site site : instance.sites()) {
            b.machine(site.id());
        }
        for (Site site : instance.sites()) {
            b.resource("lanes[site=" + site.id() + "]", site.index(), lanes[site.index()]);
            b.resource("memory[site=" + site.id() + "]", site.index(), memoryUnits[site.index()]);
        }
        tasks.forEach(b::task);
        if (settings.baseWeights() == BaseWeights.SHARED) {
            addBaseSpans(b, instance, tasks, sitesOfTask, baseOfTask);
        }
        TrainingObjective o = settings.objective();
        b.minimize(o instanceof TrainingObjective.WeightedTardiness ? new ScheduleObjective.WeightedTardiness()
                : o instanceof TrainingObjective.Makespan ? new ScheduleObjective.Makespan()
                : o instanceof TrainingObjective.DeadlinesMet ? new ScheduleObjective.WeightedLateTasks()
                : new ScheduleObjective.ModeCost());
        return new TrainingScheduleFormulation(instance, settings, tick, b.build(),
                jobOf.stream().mapToInt(Integer::intValue).toArray(), sitesOfTask.toArray(new int[0][]),
                secondsOfTask.toArray(new double[0][]), splitLayer.clone(), dropped);
    }

    // base b held on s over a span ⊇ the runs of the jobs on b at s   for every (base, site) with a candidate job
    private static void addBaseSpans(ScheduleProgram.Builder b, Instance instance, List<Task> tasks,
            List<int[]> sitesOfTask, List<long[]> baseOfTask) {
        Map<Long, List<int[]>> members = new LinkedHashMap<>();
        Map<Long, Long> amount = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            int[] sites = sitesOfTask.get(t);
            for (int o = 0; o < sites.length; o += 2) { // shared modes: even indices (the odd ones hold a copy)
                long key = baseOfTask.get(t)[0] * instance.sites().size() + sites[o];
                members.computeIfAbsent(key, k -> new ArrayList<>()).add(new int[] {t, o});
                amount.merge(key, baseOfTask.get(t)[1], Math::max);
            }
        }
        for (Map.Entry<Long, List<int[]>> e : members.entrySet()) {
            int base = (int) (e.getKey() / instance.sites().size());
            int site = (int) (e.getKey() % instance.sites().size());
            int[] ts = e.getValue().stream().mapToInt(m -> m[0]).toArray();
            int[] os = e.getValue().stream().mapToInt(m -> m[1]).toArray();
            b.span(new Span("base[" + instance.variants().get(base).id() + ",site=" + instance.sites().get(site).id() + "]",
                    site, 2 * site + 1, amount.get(e.getKey()), ts, os));
        }
    }

    /** The sites a job may run on (before capacity checks), as documented on the class. */
    public static int[] candidateSites(Instance instance, TrainingJob job) {
        if (job.site() >= 0) {
            return new int[] {job.site()};
        }
        List<Integer> out = new ArrayList<>();
        if (job.user() >= 0) {
            int home = instance.users().get(job.user()).site();
            if (instance.sites().get(home).hasGpus()) {
                out.add(home);
            }
            for (Link link : instance.topology().links()) {
                int other = link.from() == home ? link.to() : link.to() == home ? link.from() : -1;
                if (other >= 0 && instance.sites().get(other).hasGpus() && !out.contains(other)) {
                    out.add(other);
                }
            }
        }
        if (out.isEmpty()) {
            for (Site site : instance.sites()) {
                if (site.hasGpus()) {
                    out.add(site.index());
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    public ScheduleProgram program() {
        return program;
    }

    /**
     * The grid step used, s: the settings' tick, or a whole multiple of it when the horizon needed to run every job
     * one after the other would exceed {@value #MAX_TICKS} ticks — so the program's size, and the time and memory of
     * the schedulers that scan it tick by tick, do not grow with job durations (runs are rounded up to the grid,
     * which is the price of a coarse grid; {@link #roundingOverhead} measures it).
     */
    public double tickSeconds() {
        return tick;
    }

    /** Most ticks a horizon spans before the grid is coarsened. */
    public static final long MAX_TICKS = 10_000;

    // the smallest multiple of the settings' tick for which release + Σ durations (slowest site) spans ≤ MAX_TICKS
    private static double tick(Instance instance, Settings settings, double[] laneRate, int[] splitLayer) {
        double base = settings.tickSeconds();
        double seconds = instance.training().horizon();
        double release = 0.0;
        double sum = 0.0;
        int jobs = 0;
        for (TrainingJob job : instance.training().jobs()) {
            Variant variant = instance.variants().get(job.base());
            Architecture arch = instance.catalog().architectureOf(variant);
            double adapterParams = job.isLora() ? job.adapter().params() : 0.0;
            double work = Compute.trainingFlops(arch, adapterParams, job.isLora(), job.tokens(), job.epochs())
                    * (arch.layers() - splitLayer[job.index()]) / arch.layers();
            double slowest = 0.0;
            for (int s : candidateSites(instance, job)) {
                if (laneRate[s] > 0) {
                    slowest = Math.max(slowest, work / laneRate[s]);
                }
            }
            if (Double.isFinite(slowest)) {
                sum += slowest;
            }
            release = Math.max(release, job.release());
            jobs++;
        }
        seconds = Math.max(seconds, release + sum);
        // each run rounds up by at most one tick: n ticks on top of seconds / tick
        double room = Math.max(MAX_TICKS / 2.0, MAX_TICKS - jobs - 2.0);
        if (!(seconds / base > room)) {
            return base;
        }
        return base * Math.ceil(Math.min(seconds / base / room, 1e15));
    }

    public Settings settings() {
        return settings;
    }

    public List<Unschedulable> unschedulable() {
        return unschedulable;
    }

    /** The job index of task {@code t}. */
    public int job(int t) {
        return jobOfTask[t];
    }

    /** The site index of task {@code t} run in mode {@code o}. */
    public int site(int t, int o) {
        return siteOfMode[t][o];
    }

    /** The runs of a schedule, in job order: site, start and end in seconds on the grid, split layer. */
    public List<TrainingRun> decode(ScheduleSolution s) {
        List<TrainingRun> runs = new ArrayList<>();
        for (int t = 0; t < jobOfTask.length; t++) {
            int j = jobOfTask[t];
            runs.add(new TrainingRun(instance.training().jobs().get(j).id(),
                    instance.sites().get(siteOfMode[t][s.mode(t)]).id(), s.start(t) * tick, program.end(s, t) * tick,
                    splitLayer[j]));
        }
        return runs;
    }

    /**
     * The objective in the units of {@link TrainingObjective}: seconds for tardiness and makespan, J for energy, and
     * for {@link TrainingObjective.DeadlinesMet} the weight met (total weight minus the program's late weight).
     */
    public double report(double programValue) {
        TrainingObjective o = settings.objective();
        if (o instanceof TrainingObjective.DeadlinesMet) {
            return totalWeight() - programValue;
        }
        return o instanceof TrainingObjective.Energy ? programValue : programValue * tick;
    }

    private double totalWeight() {
        return program.tasks().stream().mapToDouble(Task::weight).sum();
    }

    /** How much the grid lengthens the runs of a schedule: Σ (rounded − exact) / Σ exact. */
    public double roundingOverhead(ScheduleSolution s) {
        double exact = 0;
        double rounded = 0;
        for (int t = 0; t < jobOfTask.length; t++) {
            exact += exactSeconds[t][s.mode(t)];
            rounded += program.tasks().get(t).modes().get(s.mode(t)).duration() * tick;
        }
        return exact > 0 ? (rounded - exact) / exact : 0.0;
    }

    @Override
    public String toString() {
        return "TrainingScheduleFormulation" + Arrays.toString(new int[] {program.tasks().size(), program.spans().size()});
    }
}
