package org.meiplan.solvers.math;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.meiplan.models.math.Program;
import org.meiplan.models.math.ProgramFeatures;
import org.meiplan.models.math.SolveResult;
import org.meiplan.solvers.backend.ojalgo.OjAlgoBackend;
import org.meiplan.solvers.backend.ortools.CpSatBackend;
import org.meiplan.solvers.backend.ortools.MpSolverBackend;
import org.meiplan.solvers.backend.ortools.OrToolsNatives;

/**
 * The backends by id, and automatic selection.
 *
 * <p>Selection rule of {@link #auto(ProgramFeatures)}:
 * <ol>
 *   <li>OR-Tools natives cannot load → {@code ojalgo} (one WARNING through {@link System.Logger}, once per JVM);</li>
 *   <li>quadratic objective → {@code ojalgo};</li>
 *   <li>integer variables (MILP or pure integer) → {@code scip}. CP-SAT is never chosen automatically: the planner
 *       needs a bound, which SCIP gives reliably; ask for {@code cpsat} by id for pure integer, scheduling-like
 *       programs (it needs integer coefficients and bounded variables);</li>
 *   <li>LP with at least {@value #PDLP_MIN_NON_ZEROS} non-zeros → {@code pdlp} (first-order, scales, lower accuracy);</li>
 *   <li>other LPs → {@code glop}.</li>
 * </ol>
 */
public final class Solvers {
    /** LPs with at least this many non-zeros go to PDLP. */
    public static final long PDLP_MIN_NON_ZEROS = 5_000_000L;

    private static final System.Logger LOG = System.getLogger(Solvers.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final List<String> IDS = List.of("scip", "cpsat", "glop", "pdlp", "ojalgo");

    private Solvers() {
    }

    /** The backend ids, in order of preference for MILP. */
    public static List<String> ids() {
        return IDS;
    }

    /** The backend with this id (case-insensitive). */
    public static Backend byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "scip" -> MpSolverBackend.scip();
            case "glop" -> MpSolverBackend.glop();
            case "pdlp" -> MpSolverBackend.pdlp();
            case "cpsat" -> new CpSatBackend();
            case "ojalgo" -> new OjAlgoBackend();
            default -> throw new IllegalArgumentException("Unknown solver (" + id + "). Known solvers: "
                    + String.join(", ", IDS) + ". CBC and HiGHS are not offered: through the Java wrappers CBC "
                    + "overruns time limits and HiGHS loses its result at a time limit.");
        };
    }

    /** Whether the OR-Tools backends (scip, cpsat, glop, pdlp) can run here (their natives load). */
    public static boolean orToolsAvailable() {
        return OrToolsNatives.available();
    }

    /**
     * Starts loading the OR-Tools natives on a background daemon thread and returns at once, so that a caller can
     * overlap the load (about 0.6 s, more on a busy machine) with reading its input. Idempotent.
     */
    public static void loadInBackground() {
        if (PRELOAD.compareAndSet(false, true)) {
            Thread loader = new Thread(OrToolsNatives::available, "meiplan-natives");
            loader.setDaemon(true);
            loader.start();
        }
    }

    private static final AtomicBoolean PRELOAD = new AtomicBoolean();

    /** Why the OR-Tools natives could not be loaded, or null when they load. */
    public static String orToolsFailure() {
        return OrToolsNatives.failure();
    }

    /** The backend chosen for these features by the rule above. */
    public static Backend auto(ProgramFeatures features) {
        boolean natives = OrToolsNatives.available();
        if (!natives && WARNED.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "OR-Tools native libraries could not be loaded ({0}); every program is solved by "
                    + "ojAlgo (pure Java, much slower on MILPs).", OrToolsNatives.failure());
        }
        return byId(autoId(features, natives));
    }

    /** The id that {@link #auto} picks, given whether the OR-Tools natives are available. */
    static String autoId(ProgramFeatures f, boolean nativesAvailable) {
        if (!nativesAvailable || f.quadraticObjective()) {
            return "ojalgo";
        }
        if (f.hasIntegers()) {
            return "scip";
        }
        return f.numNonZeros() >= PDLP_MIN_NON_ZEROS ? "pdlp" : "glop";
    }

    /** Solves with the automatically chosen backend (for the relaxation's features when {@code options.relax()}). */
    public static SolveResult solve(Program program, SolveOptions options) {
        ProgramFeatures f = options.relax() ? program.relaxation().features() : program.features();
        return auto(f).solve(program, options);
    }
}
