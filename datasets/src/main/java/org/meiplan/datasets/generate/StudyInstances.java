package org.meiplan.datasets.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meiplan.datasets.catalog.BuiltinCatalog;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.io.InstanceReader;
import org.meiplan.models.io.InvalidInstanceException;

/**
 * The instances of a study's runs: a generated scenario ({@link ScenarioParameters}), or the
 * user's own instance files named by the grid key {@code instance} (paths relative to the spec
 * file's folder), with the same scalings ({@code storageScale}, {@code bandwidthScale},
 * {@code loadScale}, {@code gpuScale}) applied to either.
 *
 * <p>Every instance file is read and validated when the study is set up, before any run, and
 * kept as text: an engine that runs elsewhere (Spark executors) ships this object and needs no
 * access to the files. Each run parses its file again, scales it and reads it into an
 * {@link Instance}.
 */
public final class StudyInstances implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The grid key naming the user's instance files. */
    public static final String INSTANCE = "instance";

    /** Every parameter name: the scenario parameters and {@code instance}. */
    public static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>(ScenarioParameters.NAMES);
        names.add(INSTANCE);
        NAMES = List.copyOf(names);
    }

    /** Scenario parameters that make no sense with a user's instance (they choose what is generated). */
    static final List<String> GENERATOR_ONLY = List.of("scenario", "size", "sites", "users", "variants");

    private final Map<String, String> files;

    private StudyInstances(Map<String, String> files) {
        this.files = Map.copyOf(files);
    }

    /** Generated scenarios only (a grid with {@code instance} is rejected by {@link #check}). */
    public static StudyInstances generatedOnly() {
        return new StudyInstances(Map.of());
    }

    /**
     * Reads the instance files a grid names, relative to {@code specFolder}: a missing or invalid
     * file is an {@link IllegalArgumentException} naming {@code /grid/instance/i}, the path and a fix.
     */
    public static StudyInstances load(Map<String, List<String>> grid, Path specFolder) throws IOException {
        List<String> paths = grid.getOrDefault(INSTANCE, List.of());
        Map<String, String> files = new LinkedHashMap<>();
        InstanceReader reader = new InstanceReader(BuiltinCatalog.instance());
        for (int i = 0; i < paths.size(); i++) {
            String given = paths.get(i);
            String where = "/grid/" + INSTANCE + (paths.size() > 1 ? "/" + i : "");
            Path file = specFolder.resolve(given).normalize();
            if (given.isBlank()) {
                throw new IllegalArgumentException(where + ": an empty path; name an instance file such as"
                        + " \"nets/a.json\" (relative to the spec's folder).");
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(where + ": \"" + given + "\": no such file (looked for "
                        + file.toAbsolutePath() + "). Paths are relative to the spec file's folder (" + specFolder
                        + "); fix the path or create the instance, e.g. with meiplan generate.");
            }
            try {
                reader.read(file);
            } catch (InvalidInstanceException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException(where + ": \"" + given + "\": no such file (" + file + ").", e);
            }
            files.put(given, Files.readString(file, StandardCharsets.UTF_8));
        }
        return new StudyInstances(files);
    }

    /** The instance for these parameters and seed. */
    public Instance instance(Map<String, String> parameters, long seed) {
        String name = parameters.get(INSTANCE);
        if (name == null) {
            return ScenarioParameters.instance(parameters, seed);
        }
        checkPoint(parameters);
        String text = files.get(name);
        if (text == null) {
            throw new IllegalArgumentException("the instance \"" + name + "\" was not loaded with the study;"
                    + " give it in the grid's \"instance\" list.");
        }
        ObjectNode root;
        try {
            root = (ObjectNode) new ObjectMapper().readTree(text);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException(name + " is not a JSON object", e);
        }
        Map<String, String> scalings = new LinkedHashMap<>(parameters);
        scalings.remove(INSTANCE);
        ScenarioParameters.applyScalings(root, scalings);
        return new InstanceReader(BuiltinCatalog.instance()).read(root, name + (scalings.isEmpty() ? "" : " " + scalings));
    }

    /** Checks one parameter value; a bad value is an {@link IllegalArgumentException}. */
    public void check(String name, String value) {
        if (name.equals(INSTANCE)) {
            if (!files.containsKey(value)) {
                throw new IllegalArgumentException("\"" + value + "\" was not loaded; the study reads its instance"
                        + " files when it is set up (StudyInstances.load).");
            }
            return;
        }
        ScenarioParameters.check(name, value);
    }

    /** Checks the keys of a grid point: a user's instance or a scenario, not both, not neither. */
    public void checkPoint(Map<String, String> parameters) {
        if (parameters.containsKey(INSTANCE)) {
            for (String key : GENERATOR_ONLY) {
                if (parameters.containsKey(key)) {
                    throw new IllegalArgumentException("\"" + key + "\" chooses what is generated, but the runs use the"
                            + " instance files of \"instance\"; remove \"" + key + "\" or make the files with meiplan"
                            + " generate.");
                }
            }
        } else if (!parameters.containsKey("scenario")) {
            throw new IllegalArgumentException("no instances to run on; add \"scenario\" (one of " + String.join(", ",
                    Scenarios.names()) + ") or \"instance\" (your instance files, such as [\"nets/a.json\"]).");
        }
    }
}
