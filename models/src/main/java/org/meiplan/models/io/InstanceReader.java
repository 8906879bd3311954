package org.meiplan.models.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.meiplan.models.instance.Adapter;
import org.meiplan.models.instance.Architecture;
import org.meiplan.models.instance.Block;
import org.meiplan.models.instance.Catalog;
import org.meiplan.models.instance.ChannelModel;
import org.meiplan.models.instance.Cloud;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.Link;
import org.meiplan.models.instance.Precision;
import org.meiplan.models.instance.Privacy;
import org.meiplan.models.instance.Profile;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.instance.Site;
import org.meiplan.models.instance.Topology;
import org.meiplan.models.instance.Training;
import org.meiplan.models.instance.TrainingJob;
import org.meiplan.models.instance.User;
import org.meiplan.models.instance.Variant;
import org.meiplan.models.instance.Workload;
import org.meiplan.models.io.JsonCheck.Range;
import org.meiplan.models.physics.Channel;
import org.meiplan.models.physics.Memory;
import org.meiplan.models.units.Dimension;

/**
 * Reads an instance file strictly: unknown fields, bad units, impossible values, duplicate
 * ids, dangling references and models that fit on no node are all reported at once, each
 * with its JSON path, the value and a hint, in an {@link InvalidInstanceException}.
 *
 * <p>Entries of the catalog source can be used by id (a variant naming an architecture or
 * precision the file does not define, a user naming a device profile) or copied and
 * overridden with {@code {"ref": "id", "field": value}}. The format is described in
 * {@code docs/instance-format.md} and by {@code instance.schema.json}.
 *
 * <p>A reader is immutable and may be shared between threads.
 */
public final class InstanceReader {

    /** The format version this reader understands. */
    public static final String FORMAT = "1";

    static final List<String> COMPUTE_PRECISIONS = Profile.COMPUTE_PRECISIONS;

    private final CatalogSource catalogSource;
    private final Limits limits;
    private final ObjectMapper mapper;

    /** A reader without a catalog and with the default limits. */
    public InstanceReader() {
        this(CatalogSource.EMPTY, Limits.DEFAULT);
    }

    /** A reader that resolves references against {@code catalogSource}. */
    public InstanceReader(CatalogSource catalogSource) {
        this(catalogSource, Limits.DEFAULT);
    }

    public InstanceReader(CatalogSource catalogSource, Limits limits) {
        this.catalogSource = Objects.requireNonNull(catalogSource, "catalogSource");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.mapper = strictMapper(limits);
    }

    /** A Jackson mapper with this project's input limits and strictness (no duplicate keys). */
    static ObjectMapper strictMapper(Limits limits) {
        return strictMapper(limits.maxNesting(), limits.maxStringLength());
    }

    /**
     * A strict Jackson mapper: duplicate keys and trailing tokens are errors, nesting and string
     * lengths bounded as given, numbers to 64 characters and names to 1,000.
     */
    public static ObjectMapper strictMapper(int maxNesting, int maxStringLength) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNesting)
                        .maxStringLength(maxStringLength)
                        .maxNumberLength(64)
                        .maxNameLength(1_000)
                        .build())
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return mapper;
    }

    /** Reads and validates an instance file. */
    public Instance read(Path file) throws IOException {
        return read(json().read(file), file.toString());
    }

    /** Reads and validates an instance from JSON text. */
    public Instance read(String json) {
        return read(json().read(json, "The instance"), "The instance");
    }

    /** Parses JSON with this reader's limits, reporting syntax errors as violations. */
    JsonNode parse(InputStream in, String what) throws IOException {
        try {
            return mapper.readTree(in);
        } catch (JsonProcessingException e) {
            throw syntaxError(what, e);
        }
    }

    private BoundedJson json() {
        return new BoundedJson(mapper, limits, InvalidInstanceException::new);
    }

    static InvalidInstanceException syntaxError(String what, JsonProcessingException e) {
        return new BoundedJson(null, Limits.DEFAULT, InvalidInstanceException::new).syntaxError(what, e);
    }

    /** Reads and validates an instance from a parsed JSON tree. */
    public Instance read(JsonNode root, String what) {
        Run run = new Run();
        Instance instance;
        try {
            instance = run.instance(root);
        } catch (IllegalArgumentException | ArithmeticException e) {
            if (e instanceof InvalidInstanceException invalid) {
                throw invalid;
            }
            // A check the reader does not make yet: still a violation, never a bare exception.
            run.check.add("", null, "could not be read: " + e.getMessage(), "Fix the value named above.");
            instance = null;
        }
        if (!run.check.ok() || instance == null) {
            throw new InvalidInstanceException(what, run.check.violations());
        }
        return instance;
    }

    private static final Set<String> ROOT_FIELDS = Set.of("$schema", "meiplan", "name", "description", "catalog", "profiles",
            "topology", "workload", "training");
    private static final Set<String> CATALOG_FIELDS = Set.of("precisions", "architectures", "variants", "loraPresets");
    private static final Set<String> PRECISION_FIELDS = Set.of("id", "ref", "name", "bytesPerParam", "quality", "compute",
            "sources", "notes");
    private static final Set<String> ARCHITECTURE_FIELDS = Set.of("id", "ref", "name", "family", "params", "layers", "hidden",
            "intermediate", "heads", "kvHeads", "headDim", "vocab", "context", "tiedEmbeddings", "quality", "sources", "notes");
    private static final Set<String> VARIANT_FIELDS = Set.of("id", "architecture", "precision", "base", "adapter", "quality",
            "notes");
    private static final Set<String> ADAPTER_FIELDS = Set.of("id", "ref", "name", "rank", "targets", "bytesPerParam", "bytes",
            "sources", "notes");
    private static final Set<String> PROFILE_FIELDS = Set.of("id", "ref", "name", "kind", "flops", "memory", "memoryBandwidth",
            "storage", "powerIdle", "powerBusy", "efficiency", "sources", "notes");
    private static final Set<String> TOPOLOGY_FIELDS = Set.of("cloud", "channel", "noiseDensity", "noiseFigureDb", "sites",
            "users", "links");
    private static final Set<String> CLOUD_FIELDS = Set.of("profile", "gpus", "costPerRequest");
    private static final Set<String> CHANNEL_FIELDS = Set.of("pathLoss", "shadowingDb", "seed", "carrierFrequency",
            "siteHeight", "userHeight");
    private static final Set<String> SITE_FIELDS = Set.of("id", "position", "bandwidth", "uplinkBandwidth",
            "downlinkBandwidth", "txPower", "storage", "gpu", "gpus", "backhaulRate", "backhaulLatency", "notes");
    private static final Set<String> USER_FIELDS = Set.of("id", "device", "position", "site", "txPower", "energyBudget",
            "gains", "notes");
    private static final Set<String> LINK_FIELDS = Set.of("between", "rate", "latency");
    private static final Set<String> WORKLOAD_FIELDS = union(Set.of("horizon", "bytesPerToken", "activationBytes",
            "requests"), ServingFieldsReader.WORKLOAD_FIELDS);
    private static final Set<String> REQUEST_FIELDS = union(Set.of("id", "user", "variant", "rate", "promptTokens",
            "outputTokens", "ttft", "latency", "minQuality", "privacy", "weight", "notes"),
            ServingFieldsReader.REQUEST_FIELDS);

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
    private static final Set<String> TRAINING_FIELDS = Set.of("horizon", "jobs");
    private static final Set<String> JOB_FIELDS = Set.of("id", "user", "site", "base", "method", "adapter", "tokens",
            "epochs", "release", "deadline", "weight", "privacy", "batchTokens", "notes");

    private static final List<String> PRIVACY_NAMES = List.of("any", "edge", "device");
    private static final List<String> KIND_NAMES = List.of("phone", "board", "laptop", "desktop", "server");

    /** Default wire and horizon settings. */
    static final double DEFAULT_HORIZON = 3600.0;
    static final double DEFAULT_BYTES_PER_TOKEN = 4.0;
    static final double DEFAULT_ACTIVATION_BYTES = 2.0;
    static final double DEFAULT_NOISE_DENSITY = 3.981071705534969e-21; // -174 dBm/Hz
    static final double DEFAULT_BATCH_TOKENS = 4096.0;

    /** One reading: the accumulating state of a single call. */
    private final class Run {
        final JsonCheck check = new JsonCheck();
        final List<Precision> precisions = new ArrayList<>();
        final Map<String, Integer> precisionIds = new java.util.LinkedHashMap<>();
        final List<Architecture> architectures = new ArrayList<>();
        final Map<String, Integer> architectureIds = new java.util.LinkedHashMap<>();
        final List<Profile> profiles = new ArrayList<>();
        final Map<String, Integer> profileIds = new java.util.LinkedHashMap<>();
        final Map<String, ObjectNode> localPresets = new HashMap<>();
        final List<Variant> variants = new ArrayList<>();
        final Map<String, Integer> variantIds = new java.util.LinkedHashMap<>();
        final List<String> variantPaths = new ArrayList<>();
        final List<Block> blocks = new ArrayList<>();
        final List<Site> sites = new ArrayList<>();
        final Map<String, Integer> siteIds = new java.util.LinkedHashMap<>();
        final List<User> users = new ArrayList<>();
        final Map<String, Integer> userIds = new java.util.LinkedHashMap<>();
        final Suggestions.Cache suggestions = new Suggestions.Cache();
        /** False when the user list could not be read: references to users are then not reported as dangling. */
        boolean usersRead = true;
        /** True when the topology has a channel object, even one with errors: users then need no explicit gains. */
        boolean channelGiven;

        Instance instance(JsonNode root) {
            if (root == null || !root.isObject()) {
                check.add("", JsonCheck.show(root), "must be a JSON object", "An instance starts with { \"meiplan\": \"1\", ... }.");
                return null;
            }
            check.onlyFields((ObjectNode) root, "", ROOT_FIELDS);
            check.documentation((ObjectNode) root, "");
            String format = check.string(root, "meiplan", "", FORMAT, false);
            if (!FORMAT.equals(format)) {
                check.add("/meiplan", "\"" + format + "\"", "is not a format version this reader knows",
                        "Write \"meiplan\": \"" + FORMAT + "\".");
            }
            String name = check.string(root, "name", "", "instance", false);

            ObjectNode catalog = check.object(root, "catalog", "", true);
            if (catalog != null) {
                check.onlyFields(catalog, "/catalog", CATALOG_FIELDS);
                check.documentation(catalog, "/catalog");
                readPresets(catalog);
                readEntries(catalog, "precisions", "/catalog", CatalogSource.Kind.PRECISION, this::addPrecision);
                readEntries(catalog, "architectures", "/catalog", CatalogSource.Kind.ARCHITECTURE, this::addArchitecture);
            }
            readEntries(root, "profiles", "", CatalogSource.Kind.PROFILE, this::addProfile);
            if (catalog != null) {
                readVariants(catalog);
            }
            Topology topology = topology(root);
            Workload workload = workload(root);
            Training training = training(root);
            if (topology != null) {
                checkModelsFit(topology);
            }
            if (!check.ok() || topology == null || workload == null || training == null) {
                return null;
            }
            Catalog built = new Catalog(precisions, architectures, variants, blocks);
            return new Instance(name, built, profiles, topology, workload, training);
        }

        // ---------------------------------------------------------------- references

        /** Applies {"ref": id, ...overrides} against the catalog source; returns the merged entry or null. */
        ObjectNode resolve(ObjectNode entry, CatalogSource.Kind kind, String path) {
            JsonNode ref = entry.get("ref");
            if (ref == null) {
                return entry;
            }
            if (!ref.isTextual()) {
                check.add(JsonCheck.child(path, "ref"), JsonCheck.show(ref), "must be a string", "Write \"ref\": \"<catalog id>\".");
                return null;
            }
            ObjectNode base = kind == CatalogSource.Kind.LORA_PRESET && localPresets.containsKey(ref.textValue())
                    ? localPresets.get(ref.textValue()).deepCopy()
                    : catalogSource.find(kind, ref.textValue());
            if (base == null) {
                missing(JsonCheck.child(path, "ref"), ref.textValue(), "the catalog's " + kind.jsonName(),
                        catalogSource.ids(kind));
                return null;
            }
            base.remove("ref");
            Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("ref")) {
                    continue;
                }
                JsonNode old = base.get(field.getKey());
                if (old instanceof ObjectNode oldObject && field.getValue() instanceof ObjectNode newObject) {
                    oldObject.setAll(newObject);
                } else {
                    base.set(field.getKey(), field.getValue());
                }
            }
            if (!base.has("id")) {
                base.put("id", ref.textValue());
            }
            return base;
        }

        void missing(String path, String id, String where, java.util.Collection<String> known) {
            String near = suggestions.of(where, known).nearest(id);
            check.add(path, "\"" + id + "\"", "refers to \"" + id + "\", which is not in " + where,
                    near != null ? "Did you mean \"" + near + "\"?" : "Add it there or fix the id.");
        }

        List<String> known(Map<String, Integer> local, CatalogSource.Kind kind) {
            List<String> all = new ArrayList<>(local.keySet());
            all.addAll(catalogSource.ids(kind));
            return all;
        }

        /** Reads a list of entries that may be catalog references, adding each with {@code add}. */
        void readEntries(JsonNode parent, String field, String path, CatalogSource.Kind kind,
                java.util.function.BiFunction<ObjectNode, String, Integer> add) {
            ArrayNode list = check.array(parent, field, path, false, limits.maxVariants());
            for (int i = 0; list != null && i < list.size(); i++) {
                String at = path + "/" + field + "/" + i;
                if (!list.get(i).isObject()) {
                    check.add(at, JsonCheck.show(list.get(i)), "must be an object", null);
                    continue;
                }
                ObjectNode entry = resolve((ObjectNode) list.get(i), kind, at);
                if (entry != null) {
                    add.apply(entry, at);
                }
            }
        }

        int precision(String id, String path) {
            return local(id, path, precisionIds, CatalogSource.Kind.PRECISION, "catalog.precisions", this::addPrecision);
        }

        int architecture(String id, String path) {
            return local(id, path, architectureIds, CatalogSource.Kind.ARCHITECTURE, "catalog.architectures",
                    this::addArchitecture);
        }

        int profile(String id, String path) {
            return local(id, path, profileIds, CatalogSource.Kind.PROFILE, "profiles", this::addProfile);
        }

        /** The index of an entry defined in the file, else imported from the catalog source, else -1 (reported). */
        int local(String id, String path, Map<String, Integer> ids, CatalogSource.Kind kind, String where,
                java.util.function.BiFunction<ObjectNode, String, Integer> add) {
            Integer index = ids.get(id);
            if (index != null) {
                return index;
            }
            ObjectNode entry = catalogSource.find(kind, id);
            if (entry == null) {
                missing(path, id, where, known(ids, kind));
                return -1;
            }
            return add.apply(entry, "(catalog " + kind.jsonName() + " " + id + ")");
        }

        // ---------------------------------------------------------------- catalog

        void readPresets(ObjectNode catalog) {
            ArrayNode list = check.array(catalog, "loraPresets", "/catalog", false, limits.maxVariants());
            if (list == null) {
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                String path = "/catalog/loraPresets/" + i;
                if (!list.get(i).isObject()) {
                    check.add(path, JsonCheck.show(list.get(i)), "must be an object", null);
                    continue;
                }
                ObjectNode entry = resolve((ObjectNode) list.get(i), CatalogSource.Kind.LORA_PRESET, path);
                if (entry == null) {
                    continue;
                }
                check.onlyFields(entry, path, ADAPTER_FIELDS);
                check.documentation(entry, path);
                check.integer(entry, "rank", path, 1, true, 1, 1_000_000);
                ArrayNode targets = check.array(entry, "targets", path, false, 16);
                for (int t = 0; targets != null && t < targets.size(); t++) {
                    if (!targets.get(t).isTextual() || !Adapter.TARGETS.contains(targets.get(t).textValue())) {
                        check.add(path + "/targets/" + t, JsonCheck.show(targets.get(t)), "is not a LoRA target",
                                "Targets: " + String.join(", ", Adapter.TARGETS) + ".");
                    }
                }
                String id = check.id(entry, "id", path);
                if (id != null && localPresets.put(id, entry) != null) {
                    check.add(path + "/id", "\"" + id + "\"", "duplicates an earlier LoRA preset id", "Ids must be unique.");
                }
            }
        }

        int addPrecision(ObjectNode entry, String path) {
            check.onlyFields(entry, path, PRECISION_FIELDS);
            check.documentation(entry, path);
            String id = check.id(entry, "id", path);
            double bytes = check.quantity(entry, "bytesPerParam", path, Dimension.NUMBER, Range.POSITIVE, 2.0, true);
            double quality = check.quantity(entry, "quality", path, Dimension.NUMBER, Range.FRACTION, 1.0, false);
            String compute = check.choice(entry, "compute", path, COMPUTE_PRECISIONS, "fp16", false);
            if (id == null) {
                return -1;
            }
            if (precisionIds.containsKey(id)) {
                check.add(path + "/id", "\"" + id + "\"", "duplicates an earlier precision id", "Ids must be unique.");
                return precisionIds.get(id);
            }
            Precision precision = check.build(path, null, () -> new Precision(id, bytes, quality, compute));
            if (precision == null) {
                return -1;
            }
            precisions.add(precision);
            precisionIds.put(id, precisions.size() - 1);
            return precisions.size() - 1;
        }

        int addArchitecture(ObjectNode entry, String path) {
            check.onlyFields(entry, path, ARCHITECTURE_FIELDS);
            check.documentation(entry, path);
            String id = check.id(entry, "id", path);
            String name = check.string(entry, "name", path, id, false);
            String family = check.string(entry, "family", path, "", false);
            double params = check.quantity(entry, "params", path, Dimension.NUMBER, Range.POSITIVE, 1.0, true);
            int layers = (int) check.integer(entry, "layers", path, 1, true, 1, 10_000);
            int hidden = (int) check.integer(entry, "hidden", path, 1, true, 1, 1_000_000);
            int heads = (int) check.integer(entry, "heads", path, 1, true, 1, 10_000);
            int kvHeads = (int) check.integer(entry, "kvHeads", path, heads, false, 1, 10_000);
            int headDim = (int) check.integer(entry, "headDim", path, Math.max(1, hidden / heads), false, 1, 100_000);
            int intermediate = (int) check.integer(entry, "intermediate", path, 4L * hidden, false, 1, 10_000_000);
            int vocab = (int) check.integer(entry, "vocab", path, 1, true, 1, 100_000_000);
            int context = (int) check.integer(entry, "context", path, 1, true, 1, 100_000_000);
            boolean tied = check.bool(entry, "tiedEmbeddings", path, false);
            double quality = check.quantity(entry, "quality", path, Dimension.NUMBER, Range.FRACTION, 1.0, false);
            if (heads % kvHeads != 0) {
                check.add(path + "/kvHeads", String.valueOf(kvHeads), "does not divide heads (" + heads + ")",
                        "Grouped-query attention needs heads to be a multiple of kvHeads.");
            }
            if (id == null) {
                return -1;
            }
            if (architectureIds.containsKey(id)) {
                check.add(path + "/id", "\"" + id + "\"", "duplicates an earlier architecture id", "Ids must be unique.");
                return architectureIds.get(id);
            }
            Architecture arch = check.build(path, null, () -> new Architecture(id, name, family, params, layers, hidden,
                    intermediate, heads, kvHeads, headDim, vocab, context, tied, quality));
            if (arch == null) {
                return -1;
            }
            if (arch.embeddingParams() + arch.headParams() >= params) {
                check.add(path + "/params", String.valueOf(params), "is not more than the embedding and head parameters ("
                        + (long) (arch.embeddingParams() + arch.headParams()) + ")",
                        "Give the total parameter count, e.g. 8.03e9 for an 8B model.");
            }
            architectures.add(arch);
            architectureIds.put(id, architectures.size() - 1);
            return architectures.size() - 1;
        }

        void readVariants(ObjectNode catalog) {
            ArrayNode list = check.array(catalog, "variants", "/catalog", true, limits.maxVariants());
            if (list == null) {
                return;
            }
            // Ids first, so that a fine-tuned variant may name a base defined after it.
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode entry = list.get(i);
                if (entry.isObject() && entry.path("id").isTextual()) {
                    String id = entry.get("id").textValue();
                    if (position.putIfAbsent(id, i) != null) {
                        check.add("/catalog/variants/" + i + "/id", "\"" + id + "\"", "duplicates an earlier variant id",
                                "Ids must be unique.");
                    }
                }
            }
            // Base variants, then fine-tuned ones, so blocks of a base exist before its children.
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < list.size(); i++) {
                    String path = "/catalog/variants/" + i;
                    JsonNode node = list.get(i);
                    if (!node.isObject()) {
                        if (pass == 0) {
                            check.add(path, JsonCheck.show(node), "must be an object", null);
                        }
                        continue;
                    }
                    boolean fineTuned = node.has("base");
                    if ((pass == 0) == fineTuned) {
                        continue;
                    }
                    if (position.get(node.path("id").asText()) != null && position.get(node.path("id").asText()) != i) {
                        continue; // duplicate, reported above
                    }
                    variant((ObjectNode) node, path, list, position);
                }
            }
        }

        void variant(ObjectNode entry, String path, ArrayNode list, Map<String, Integer> position) {
            check.onlyFields(entry, path, VARIANT_FIELDS);
            check.documentation(entry, path);
            String id = check.id(entry, "id", path);
            if (entry.has("base")) {
                String baseId = check.string(entry, "base", path, null, true);
                for (String field : List.of("architecture", "precision")) {
                    if (entry.has(field)) {
                        check.add(path + "/" + field, JsonCheck.show(entry.get(field)),
                                "is set on a fine-tuned variant, which takes it from its base",
                                "Remove it, or make this a base variant without \"base\".");
                    }
                }
                Integer base = baseId == null ? null : variantIds.get(baseId);
                if (baseId != null && base == null) {
                    Integer at = position.get(baseId);
                    if (at != null && list.get(at).has("base")) {
                        check.add(path + "/base", "\"" + baseId + "\"", "names a fine-tuned variant",
                                "A fine-tuned variant's base must be a base variant (architecture + precision).");
                    } else if (at == null) {
                        missing(path + "/base", baseId, "catalog.variants", variantIdsSeen(list));
                    }
                    return;
                }
                if (base == null) {
                    return;
                }
                if (variants.get(base).isFineTuned()) {
                    check.add(path + "/base", "\"" + baseId + "\"", "names a fine-tuned variant",
                            "A fine-tuned variant's base must be a base variant (architecture + precision).");
                    return;
                }
                Variant baseVariant = variants.get(base);
                Architecture arch = architectures.get(baseVariant.architecture());
                Adapter adapter = adapter(entry, "adapter", path, arch, true);
                double quality = check.quantity(entry, "quality", path, Dimension.NUMBER, Range.FRACTION,
                        baseVariant.quality(), false);
                if (id == null || adapter == null) {
                    return;
                }
                Block block = new Block(id + "/adapter", blocks.size(), Block.Kind.ADAPTER, adapter.bytes());
                blocks.add(block);
                int[] ids = Arrays.copyOf(baseVariant.blocks(), baseVariant.blockCount() + 1);
                ids[ids.length - 1] = block.index();
                Variant variant = new Variant(id, variants.size(), baseVariant.architecture(), baseVariant.precision(),
                        base, adapter, quality, ids);
                variants.add(variant);
                variantIds.put(id, variant.index());
                variantPaths.add(path);
                return;
            }
            String archId = check.string(entry, "architecture", path, null, true);
            String precId = check.string(entry, "precision", path, null, true);
            if (entry.has("adapter")) {
                check.add(path + "/adapter", JsonCheck.show(entry.get("adapter")), "is set on a base variant",
                        "A fine-tuned variant names its \"base\" variant; add \"base\": \"<variant id>\".");
            }
            int arch = archId == null ? -1 : architecture(archId, path + "/architecture");
            int prec = precId == null ? -1 : precision(precId, path + "/precision");
            if (arch < 0 || prec < 0 || id == null) {
                return;
            }
            Architecture architecture = architectures.get(arch);
            Precision precision = precisions.get(prec);
            double quality = check.quantity(entry, "quality", path, Dimension.NUMBER, Range.FRACTION,
                    architecture.quality() * precision.quality(), false);
            Block block = check.build(path, null, () -> new Block(id, blocks.size(), Block.Kind.BASE,
                    Memory.weightBytes(architecture, precision.bytesPerParam())));
            if (block == null) {
                return;
            }
            blocks.add(block);
            Variant variant = new Variant(id, variants.size(), arch, prec, -1, null, quality, new int[] {block.index()});
            variants.add(variant);
            variantIds.put(id, variant.index());
            variantPaths.add(path);
        }

        List<String> variantIdsSeen(ArrayNode list) {
            List<String> ids = new ArrayList<>();
            list.forEach(node -> {
                if (node.path("id").isTextual()) {
                    ids.add(node.get("id").textValue());
                }
            });
            return ids;
        }

        Adapter adapter(JsonNode parent, String field, String path, Architecture arch, boolean required) {
            ObjectNode node = check.object(parent, field, path, required);
            if (node == null) {
                return null;
            }
            String at = path + "/" + field;
            ObjectNode entry = resolve(node, CatalogSource.Kind.LORA_PRESET, at);
            if (entry == null) {
                return null;
            }
            check.onlyFields(entry, at, ADAPTER_FIELDS);
            check.documentation(entry, at);
            int rank = (int) check.integer(entry, "rank", at, 1, true, 1, 1_000_000);
            List<String> targets = new ArrayList<>();
            ArrayNode list = check.array(entry, "targets", at, false, 16);
            if (list == null) {
                targets.addAll(List.of("q", "v"));
            } else {
                for (int i = 0; i < list.size(); i++) {
                    JsonNode target = list.get(i);
                    if (!target.isTextual() || !Adapter.TARGETS.contains(target.textValue())) {
                        String near = target.isTextual() ? JsonCheck.nearest(target.textValue(), Adapter.TARGETS) : null;
                        check.add(at + "/targets/" + i, JsonCheck.show(target), "is not a LoRA target",
                                (near != null ? "Did you mean \"" + near + "\"? " : "") + "Targets: "
                                        + String.join(", ", Adapter.TARGETS) + ".");
                    } else if (!targets.contains(target.textValue())) {
                        targets.add(target.textValue());
                    }
                }
            }
            double bytesPerParam = check.quantity(entry, "bytesPerParam", at, Dimension.NUMBER, Range.POSITIVE, 2.0, false);
            if (targets.isEmpty()) {
                check.add(at + "/targets", "[]", "is empty", "Name at least one projection, e.g. [\"q\", \"v\"].");
                return null;
            }
            double params = Memory.loraParams(arch, rank, targets);
            double bytes = check.quantity(entry, "bytes", at, Dimension.BYTES, Range.NON_NEGATIVE, params * bytesPerParam, false);
            return check.build(at, null, () -> new Adapter(rank, targets, bytesPerParam, params, bytes));
        }

        // ---------------------------------------------------------------- profiles

        int addProfile(ObjectNode entry, String path) {
            check.onlyFields(entry, path, PROFILE_FIELDS);
            check.documentation(entry, path);
            String id = check.id(entry, "id", path);
            String name = check.string(entry, "name", path, id, false);
            String kind = check.choice(entry, "kind", path, KIND_NAMES, "server", true);
            Map<String, Double> flops = new java.util.TreeMap<>();
            ObjectNode flopsNode = check.object(entry, "flops", path, true);
            if (flopsNode != null) {
                check.onlyFields(flopsNode, path + "/flops", Set.copyOf(COMPUTE_PRECISIONS));
                for (String precision : COMPUTE_PRECISIONS) {
                    if (flopsNode.has(precision)) {
                        flops.put(precision, check.quantity(flopsNode, precision, path + "/flops", Dimension.FLOP_RATE,
                                Range.POSITIVE, 1.0, true));
                    }
                }
                if (flopsNode.isEmpty()) {
                    check.add(path + "/flops", "{}", "names no precision", "Give at least \"fp16\": \"<n> TFLOPS\".");
                }
            }
            double memory = check.quantity(entry, "memory", path, Dimension.BYTES, Range.POSITIVE, 1.0, true);
            double bandwidth = check.quantity(entry, "memoryBandwidth", path, Dimension.BYTE_RATE, Range.POSITIVE, 1.0, true);
            double storage = check.quantity(entry, "storage", path, Dimension.BYTES, Range.NON_NEGATIVE, 0.0, false);
            double idle = check.quantity(entry, "powerIdle", path, Dimension.POWER, Range.NON_NEGATIVE, 0.0, false);
            double busy = check.quantity(entry, "powerBusy", path, Dimension.POWER, Range.NON_NEGATIVE, idle, false);
            double efficiency = check.quantity(entry, "efficiency", path, Dimension.NUMBER, Range.POSITIVE_FRACTION, 1.0, false);
            if (busy < idle) {
                check.add(path + "/powerBusy", JsonCheck.show(entry.get("powerBusy")), "is below powerIdle",
                        "Busy power includes idle power; give the total draw under load.");
            }
            if (id == null || flops.isEmpty()) {
                return -1;
            }
            if (profileIds.containsKey(id)) {
                check.add(path + "/id", "\"" + id + "\"", "duplicates an earlier profile id", "Ids must be unique.");
                return profileIds.get(id);
            }
            Profile profile = check.build(path, null, () -> new Profile(id, name,
                    Profile.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), flops, memory, bandwidth, storage, idle,
                    Math.max(idle, busy), efficiency));
            if (profile == null) {
                return -1;
            }
            profiles.add(profile);
            profileIds.put(id, profiles.size() - 1);
            return profiles.size() - 1;
        }

        // ---------------------------------------------------------------- topology

        Topology topology(JsonNode root) {
            ObjectNode topo = check.object(root, "topology", "", true);
            if (topo == null) {
                return null;
            }
            String path = "/topology";
            check.onlyFields(topo, path, TOPOLOGY_FIELDS);
            check.documentation(topo, path);
            Cloud cloud = cloud(topo, path);
            ChannelModel channel = channel(topo, path);
            double n0 = check.quantity(topo, "noiseDensity", path, Dimension.POWER_DENSITY, Range.POSITIVE,
                    DEFAULT_NOISE_DENSITY, false);
            double noiseFigure = check.quantity(topo, "noiseFigureDb", path, Dimension.NUMBER, Range.ANY, 0.0, false);
            noiseFigure = ChannelRanges.noiseFigure(check, topo, path, noiseFigure);
            double noise = n0 * Math.pow(10.0, noiseFigure / 10.0);

            ArrayNode siteList = check.array(topo, "sites", path, true, limits.maxSites());
            if (siteList != null && siteList.isEmpty()) {
                check.add(path + "/sites", "[]", "has no site",
                        "Add at least one base station: users reach the edge and the cloud through a site.");
            }
            if (siteList != null) {
                for (int i = 0; i < siteList.size(); i++) {
                    site(siteList.get(i), path + "/sites/" + i);
                }
            }
            ArrayNode userList = check.array(topo, "users", path, true, limits.maxUsers());
            int siteCount = sites.size();
            int userCount = userList == null ? 0 : userList.size();
            usersRead = userList != null;
            String scale = limits.scaleProblem(siteCount, userCount);
            if (scale != null) {
                check.add(path, userCount + " users x " + siteCount + " sites", "is too large: " + scale,
                        "Split the instance or raise the reader's limits (Limits).");
                usersRead = false;
                return null;
            }
            double[] gains = new double[siteCount * userCount];
            List<Link> links = new ArrayList<>();
            if (userList != null && siteList != null && siteCount == siteList.size()) {
                for (int i = 0; i < userList.size(); i++) {
                    user(userList.get(i), path + "/users/" + i, channel, gains, siteCount);
                }
                for (String id : userIds.keySet()) {
                    if (siteIds.containsKey(id)) {
                        check.add(path + "/users/" + userIds.get(id) + "/id", "\"" + id + "\"",
                                "is also the id of a site; sites and users share one namespace of nodes",
                                "Rename the user or the site.");
                    }
                }
                ArrayNode linkList = check.array(topo, "links", path, false, limits.maxSites() * 16);
                if (linkList != null) {
                    for (int i = 0; i < linkList.size(); i++) {
                        Link link = link(linkList.get(i), path + "/links/" + i);
                        if (link != null) {
                            links.add(link);
                        }
                    }
                }
            }
            if (cloud == null || !check.ok()) {
                return null;
            }
            double noiseDensity = noise;
            return check.build(path, null, () -> new Topology(cloud, channel, noiseDensity, sites, users, links, gains));
        }

        Cloud cloud(ObjectNode topo, String path) {
            ObjectNode node = check.object(topo, "cloud", path, true);
            if (node == null) {
                return null;
            }
            String at = path + "/cloud";
            check.onlyFields(node, at, CLOUD_FIELDS);
            check.documentation(node, at);
            String profileId = check.string(node, "profile", at, null, true);
            int gpus = (int) check.integer(node, "gpus", at, 1, false, 1, 10_000_000);
            double cost = check.quantity(node, "costPerRequest", at, Dimension.NUMBER, Range.NON_NEGATIVE, 0.0, false);
            int profile = profileId == null ? -1 : profile(profileId, at + "/profile");
            return profile < 0 ? null : new Cloud(profile, gpus, cost);
        }

        ChannelModel channel(ObjectNode topo, String path) {
            ObjectNode node = check.object(topo, "channel", path, false);
            channelGiven = topo.has("channel");
            if (node == null) {
                return null;
            }
            String at = path + "/channel";
            check.onlyFields(node, at, CHANNEL_FIELDS);
            check.documentation(node, at);
            List<String> laws = Arrays.stream(ChannelModel.PathLoss.values()).map(ChannelModel.PathLoss::jsonName).toList();
            String law = check.choice(node, "pathLoss", at, laws, "3gpp-uma-nlos", true);
            double shadowing = check.quantity(node, "shadowingDb", at, Dimension.NUMBER, Range.NON_NEGATIVE, 0.0, false);
            long seed = check.integer(node, "seed", at, 0, false, Long.MIN_VALUE, Long.MAX_VALUE);
            double carrier = check.quantity(node, "carrierFrequency", at, Dimension.FREQUENCY, Range.POSITIVE, 3.5e9, false);
            double siteHeight = check.quantity(node, "siteHeight", at, Dimension.LENGTH, Range.NON_NEGATIVE, 25.0, false);
            double userHeight = check.quantity(node, "userHeight", at, Dimension.LENGTH, Range.NON_NEGATIVE, 1.5, false);
            if (!ChannelRanges.check(check, node, at, carrier, siteHeight, userHeight, shadowing)) {
                return null;
            }
            return check.build(at, null, () -> new ChannelModel(ChannelModel.PathLoss.fromJson(law), shadowing, seed,
                    carrier, siteHeight, userHeight));
        }

        double[] position(JsonNode node, String path, boolean required) {
            JsonNode pos = node.get("position");
            if (pos == null) {
                if (required) {
                    check.add(path + "/position", null, "is missing", "Add \"position\": [x, y] in metres.");
                }
                return new double[] {0.0, 0.0};
            }
            if (!pos.isArray() || pos.size() != 2 || !pos.get(0).isNumber() || !pos.get(1).isNumber()
                    || !Double.isFinite(pos.get(0).doubleValue()) || !Double.isFinite(pos.get(1).doubleValue())) {
                check.add(path + "/position", JsonCheck.show(pos), "must be [x, y] with two finite numbers in metres", null);
                return new double[] {0.0, 0.0};
            }
            return new double[] {pos.get(0).doubleValue(), pos.get(1).doubleValue()};
        }

        void site(JsonNode node, String path) {
            if (!check.entry(node, path, SITE_FIELDS)) {
                return;
            }
            check.documentation((ObjectNode) node, path);
            String id = check.id(node, "id", path);
            double[] pos = position(node, path, false);
            double bandwidth = check.quantity(node, "bandwidth", path, Dimension.FREQUENCY, Range.NON_NEGATIVE, 0.0,
                    !node.has("uplinkBandwidth") || !node.has("downlinkBandwidth"));
            double up = check.quantity(node, "uplinkBandwidth", path, Dimension.FREQUENCY, Range.NON_NEGATIVE, bandwidth, false);
            double down = check.quantity(node, "downlinkBandwidth", path, Dimension.FREQUENCY, Range.NON_NEGATIVE, bandwidth, false);
            double tx = check.quantity(node, "txPower", path, Dimension.POWER, Range.NON_NEGATIVE, 20.0, false);
            double storage = check.quantity(node, "storage", path, Dimension.BYTES, Range.NON_NEGATIVE, 0.0, false);
            String gpuId = check.string(node, "gpu", path, null, false);
            int gpus = (int) check.integer(node, "gpus", path, gpuId == null ? 0 : 1, false, 0, 1_000_000);
            double backhaulRate = check.quantity(node, "backhaulRate", path, Dimension.BIT_RATE, Range.POSITIVE, 1e9, false);
            double backhaulLatency = check.quantity(node, "backhaulLatency", path, Dimension.TIME, Range.NON_NEGATIVE, 0.02, false);
            int gpu = gpuId == null ? -1 : profile(gpuId, path + "/gpu");
            if (gpuId == null && gpus > 0) {
                check.add(path + "/gpus", String.valueOf(gpus), "is set but \"gpu\" names no profile",
                        "Add \"gpu\": \"<profile id>\", e.g. \"nvidia-l4\".");
            }
            if (id == null) {
                return;
            }
            if (siteIds.containsKey(id) || "cloud".equals(id)) {
                check.add(path + "/id", "\"" + id + "\"", "cloud".equals(id) ? "is reserved for the cloud"
                        : "duplicates an earlier site id", "Ids must be unique.");
                return;
            }
            Site site = check.build(path, null, () -> new Site(id, sites.size(), pos[0], pos[1], up, down, tx, storage, gpu,
                    gpu < 0 ? 0 : gpus, backhaulRate, backhaulLatency));
            if (site == null) {
                return;
            }
            sites.add(site);
            siteIds.put(id, site.index());
        }

        void user(JsonNode node, String path, ChannelModel channel, double[] gains, int siteCount) {
            if (!check.entry(node, path, USER_FIELDS)) {
                return;
            }
            check.documentation((ObjectNode) node, path);
            String id = check.id(node, "id", path);
            String deviceId = check.string(node, "device", path, null, true);
            double[] pos = position(node, path, channel != null);
            String siteId = check.string(node, "site", path, null, false);
            double tx = check.quantity(node, "txPower", path, Dimension.POWER, Range.NON_NEGATIVE, 0.2, false);
            double budget = check.quantity(node, "energyBudget", path, Dimension.ENERGY, Range.NON_NEGATIVE,
                    Double.POSITIVE_INFINITY, false);
            int device = deviceId == null ? -1 : profile(deviceId, path + "/device");
            int index = users.size();
            int offset = index * siteCount;
            if (channel != null) {
                for (int s = 0; s < siteCount; s++) {
                    Site site = sites.get(s);
                    gains[offset + s] = Channel.gain(channel, index, pos[0], pos[1], s, site.x(), site.y());
                }
            }
            ObjectNode explicit = check.object(node, "gains", path, channel == null && !channelGiven);
            if (explicit != null) {
                Iterator<String> names = explicit.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    Integer s = siteIds.get(name);
                    if (s == null) {
                        missing(path + "/gains/" + name, name, "topology.sites", siteIds.keySet());
                        continue;
                    }
                    gains[offset + s] = check.quantity(explicit, name, path + "/gains", Dimension.GAIN, Range.NON_NEGATIVE,
                            0.0, true);
                }
            }
            int site = -1;
            if (siteId != null) {
                Integer s = siteIds.get(siteId);
                if (s == null) {
                    missing(path + "/site", siteId, "topology.sites", siteIds.keySet());
                } else {
                    site = s;
                    if (gains[offset + s] <= 0.0) {
                        check.add(path + "/site", "\"" + siteId + "\"", "is a site this user has no channel to (gain 0)",
                                "Give a positive gain to it in \"gains\", or attach the user to another site.");
                    }
                }
            } else {
                double best = 0.0;
                for (int s = 0; s < siteCount; s++) {
                    if (gains[offset + s] > best) {
                        best = gains[offset + s];
                        site = s;
                    }
                }
                if (site < 0 && siteCount > 0 && explicit != null) {
                    check.add(path + "/gains", JsonCheck.show(explicit), "gives no site a positive gain",
                            "Give at least one positive gain, or a channel model in topology.channel.");
                }
            }
            if (id == null || device < 0) {
                if (id != null) {
                    userIds.putIfAbsent(id, index);
                }
                users.add(null);
                return;
            }
            if (userIds.containsKey(id)) {
                check.add(path + "/id", "\"" + id + "\"", "duplicates an earlier user id", "Ids must be unique.");
            }
            userIds.putIfAbsent(id, index);
            int home = Math.max(site, 0);
            users.add(check.build(path, null, () -> new User(id, index, device, pos[0], pos[1], home, tx, budget)));
        }

        Link link(JsonNode node, String path) {
            if (!check.entry(node, path, LINK_FIELDS)) {
                return null;
            }
            check.documentation((ObjectNode) node, path);
            JsonNode between = node.get("between");
            double rate = check.quantity(node, "rate", path, Dimension.BIT_RATE, Range.POSITIVE, 1e9, true);
            double latency = check.quantity(node, "latency", path, Dimension.TIME, Range.NON_NEGATIVE, 0.0, false);
            if (between == null || !between.isArray() || between.size() != 2 || !between.get(0).isTextual()
                    || !between.get(1).isTextual()) {
                check.add(path + "/between", JsonCheck.show(between), "must name two sites",
                        "Write \"between\": [\"bs-1\", \"bs-2\"].");
                return null;
            }
            Integer a = siteIds.get(between.get(0).textValue());
            Integer b = siteIds.get(between.get(1).textValue());
            if (a == null) {
                missing(path + "/between/0", between.get(0).textValue(), "topology.sites", siteIds.keySet());
            }
            if (b == null) {
                missing(path + "/between/1", between.get(1).textValue(), "topology.sites", siteIds.keySet());
            }
            if (a == null || b == null) {
                return null;
            }
            if (a.equals(b)) {
                check.add(path + "/between", JsonCheck.show(between), "links a site to itself", "Name two different sites.");
                return null;
            }
            return check.build(path, null, () -> new Link(a, b, rate, latency));
        }

        // ---------------------------------------------------------------- workload

        Workload workload(JsonNode root) {
            ObjectNode node = check.object(root, "workload", "", false);
            String path = "/workload";
            if (node == null) {
                return new Workload(List.of(), DEFAULT_HORIZON, DEFAULT_BYTES_PER_TOKEN, DEFAULT_ACTIVATION_BYTES);
            }
            check.onlyFields(node, path, WORKLOAD_FIELDS);
            check.documentation(node, path);
            double horizon = check.quantity(node, "horizon", path, Dimension.TIME, Range.POSITIVE, DEFAULT_HORIZON, false);
            double bytesPerToken = check.quantity(node, "bytesPerToken", path, Dimension.BYTES, Range.POSITIVE,
                    DEFAULT_BYTES_PER_TOKEN, false);
            double activationBytes = check.quantity(node, "activationBytes", path, Dimension.BYTES, Range.POSITIVE,
                    DEFAULT_ACTIVATION_BYTES, false);
            ServingFieldsReader.Settings serving = new ServingFieldsReader(check).workload(node, path);
            List<RequestClass> requests = new ArrayList<>();
            ArrayNode list = check.array(node, "requests", path, false, limits.maxRequests());
            Set<String> seen = new java.util.HashSet<>();
            if (list != null) {
                for (int i = 0; i < list.size(); i++) {
                    RequestClass request = request(list.get(i), path + "/requests/" + i, requests.size(), seen,
                            serving.percentile());
                    if (request != null) {
                        requests.add(request);
                    }
                }
            }
            return new Workload(requests, horizon, bytesPerToken, activationBytes, serving.utilisationCap(),
                    serving.targetUtilisation());
        }

        RequestClass request(JsonNode node, String path, int index, Set<String> seen, double defaultPercentile) {
            if (!check.entry(node, path, REQUEST_FIELDS)) {
                return null;
            }
            check.documentation((ObjectNode) node, path);
            String id = check.id(node, "id", path);
            String userId = check.string(node, "user", path, null, true);
            String variantId = check.string(node, "variant", path, null, true);
            double rate = check.quantity(node, "rate", path, Dimension.RATE, Range.NON_NEGATIVE, 1.0, false);
            int prompt = (int) check.integer(node, "promptTokens", path, 1, true, 1, 100_000_000);
            int output = (int) check.integer(node, "outputTokens", path, 1, true, 1, 100_000_000);
            double ttft = check.quantity(node, "ttft", path, Dimension.TIME, Range.POSITIVE, Double.MAX_VALUE, false);
            double latency = check.quantity(node, "latency", path, Dimension.TIME, Range.POSITIVE, 1.0, true);
            String privacy = check.choice(node, "privacy", path, PRIVACY_NAMES, "any", false);
            double weight = check.quantity(node, "weight", path, Dimension.NUMBER, Range.NON_NEGATIVE, 1.0, false);
            double percentile = new ServingFieldsReader(check).percentile(node, path, defaultPercentile);
            Integer user = userId == null ? null : userIds.get(userId);
            if (userId != null && user == null && usersRead) {
                missing(path + "/user", userId, "topology.users", userIds.keySet());
            }
            Integer variant = variantId == null ? null : variantIds.get(variantId);
            if (variantId != null && variant == null) {
                missing(path + "/variant", variantId, "catalog.variants", variantIds.keySet());
            }
            double floor = variant == null ? 0.0 : variants.get(variant).quality();
            double minQuality = check.quantity(node, "minQuality", path, Dimension.NUMBER, Range.FRACTION, floor, false);
            if (variant != null && minQuality > variants.get(variant).quality() + 1e-12) {
                check.add(path + "/minQuality", String.valueOf(minQuality),
                        "is above the quality of the requested variant (" + variants.get(variant).quality() + ")",
                        "Lower the floor or request a better variant.");
            }
            if (variant != null) {
                Architecture arch = architectures.get(variants.get(variant).architecture());
                if ((long) prompt + output > arch.context()) {
                    check.add(path + "/promptTokens", String.valueOf(prompt), "plus outputTokens (" + output
                            + ") exceeds the context of " + arch.id() + " (" + arch.context() + ")",
                            "Shorten the request or pick a longer-context model.");
                }
            }
            if (ttft > latency && node.has("ttft")) {
                check.add(path + "/ttft", JsonCheck.show(node.get("ttft")), "is longer than the end-to-end latency target",
                        "Time to first token is part of the end-to-end latency.");
            }
            if (id != null && !seen.add(id)) {
                check.add(path + "/id", "\"" + id + "\"", "duplicates an earlier request id", "Ids must be unique.");
                return null;
            }
            if (id == null || user == null || variant == null) {
                return null;
            }
            return check.build(path, null, () -> new RequestClass(id, index, user, variant, rate, prompt, output,
                    Math.min(ttft, latency), latency, minQuality, Privacy.valueOf(privacy.toUpperCase(java.util.Locale.ROOT)),
                    weight, percentile));
        }

        // ---------------------------------------------------------------- training

        Training training(JsonNode root) {
            ObjectNode node = check.object(root, "training", "", false);
            String path = "/training";
            if (node == null) {
                return new Training(List.of(), DEFAULT_HORIZON);
            }
            check.onlyFields(node, path, TRAINING_FIELDS);
            check.documentation(node, path);
            double horizon = check.quantity(node, "horizon", path, Dimension.TIME, Range.POSITIVE, DEFAULT_HORIZON, false);
            List<TrainingJob> jobs = new ArrayList<>();
            ArrayNode list = check.array(node, "jobs", path, false, limits.maxJobs());
            Set<String> seen = new java.util.HashSet<>();
            if (list != null) {
                for (int i = 0; i < list.size(); i++) {
                    TrainingJob job = job(list.get(i), path + "/jobs/" + i, jobs.size(), seen);
                    if (job != null) {
                        jobs.add(job);
                    }
                }
            }
            return new Training(jobs, horizon);
        }

        TrainingJob job(JsonNode node, String path, int index, Set<String> seen) {
            if (!check.entry(node, path, JOB_FIELDS)) {
                return null;
            }
            check.documentation((ObjectNode) node, path);
            String id = check.id(node, "id", path);
            String userId = check.string(node, "user", path, null, false);
            String siteId = check.string(node, "site", path, null, false);
            String baseId = check.string(node, "base", path, null, true);
            String method = check.choice(node, "method", path, List.of("lora", "full"), "lora", false);
            double tokens = check.quantity(node, "tokens", path, Dimension.NUMBER, Range.POSITIVE, 1.0, true);
            double epochs = check.quantity(node, "epochs", path, Dimension.NUMBER, Range.POSITIVE, 1.0, false);
            double release = check.quantity(node, "release", path, Dimension.TIME, Range.NON_NEGATIVE, 0.0, false);
            double deadline = check.quantity(node, "deadline", path, Dimension.TIME, Range.POSITIVE, 1.0, true);
            double weight = check.quantity(node, "weight", path, Dimension.NUMBER, Range.NON_NEGATIVE, 1.0, false);
            String privacy = check.choice(node, "privacy", path, PRIVACY_NAMES, "any", false);
            double batch = check.quantity(node, "batchTokens", path, Dimension.NUMBER, Range.POSITIVE, DEFAULT_BATCH_TOKENS, false);
            int user = -1;
            if (userId != null) {
                Integer u = userIds.get(userId);
                if (u == null) {
                    if (usersRead) {
                        missing(path + "/user", userId, "topology.users", userIds.keySet());
                    }
                } else {
                    user = u;
                }
            }
            int site = -1;
            if (siteId != null) {
                Integer s = siteIds.get(siteId);
                if (s == null) {
                    missing(path + "/site", siteId, "topology.sites", siteIds.keySet());
                } else {
                    site = s;
                }
            }
            Integer base = baseId == null ? null : variantIds.get(baseId);
            if (baseId != null && base == null) {
                missing(path + "/base", baseId, "catalog.variants", variantIds.keySet());
            } else if (base != null && variants.get(base).isFineTuned()) {
                check.add(path + "/base", "\"" + baseId + "\"", "names a fine-tuned variant",
                        "Fine-tune a base variant (architecture + precision).");
                base = null;
            }
            Adapter adapter = null;
            if (base != null && "lora".equals(method)) {
                adapter = adapter(node, "adapter", path, architectures.get(variants.get(base).architecture()), true);
            } else if ("full".equals(method) && node.has("adapter")) {
                check.add(path + "/adapter", JsonCheck.show(node.get("adapter")), "is set for full fine-tuning",
                        "Remove it, or use \"method\": \"lora\".");
            }
            if (deadline <= release) {
                check.add(path + "/deadline", JsonCheck.show(node.get("deadline")), "is not after the release time",
                        "A job must be released before its deadline.");
            }
            if (id != null && !seen.add(id)) {
                check.add(path + "/id", "\"" + id + "\"", "duplicates an earlier job id", "Ids must be unique.");
                return null;
            }
            if (id == null || base == null || ("lora".equals(method) && adapter == null)) {
                return null;
            }
            int jobUser = user;
            int jobSite = site;
            Adapter jobAdapter = adapter;
            Integer jobBase = base;
            return check.build(path, null, () -> new TrainingJob(id, index, jobUser, jobSite, jobBase, jobAdapter, tokens,
                    epochs, release, deadline, weight, Privacy.valueOf(privacy.toUpperCase(java.util.Locale.ROOT)), batch));
        }

        // ---------------------------------------------------------------- cross checks

        /** Every variant must fit in the memory of at least one node: a device, a site's GPUs, or the cloud. */
        void checkModelsFit(Topology topology) {
            double largest = 0.0;
            String where = "no node";
            Set<Integer> devices = new LinkedHashSet<>();
            for (User user : users) {
                if (user != null) {
                    devices.add(user.device());
                }
            }
            for (int device : devices) {
                if (profiles.get(device).memory() > largest) {
                    largest = profiles.get(device).memory();
                    where = "device " + profiles.get(device).id();
                }
            }
            for (Site site : sites) {
                if (site.hasGpus()) {
                    double memory = profiles.get(site.gpuProfile()).memory() * site.gpus();
                    if (memory > largest) {
                        largest = memory;
                        where = "site " + site.id();
                    }
                }
            }
            Profile cloud = profiles.get(topology.cloud().profile());
            if (cloud.memory() * topology.cloud().gpus() > largest) {
                largest = cloud.memory() * topology.cloud().gpus();
                where = "the cloud";
            }
            Catalog catalog = new Catalog(precisions, architectures, variants, blocks);
            for (Variant variant : variants) {
                double bytes = catalog.bytesOf(variant);
                if (bytes > largest) {
                    check.add(variantPaths.get(variant.index()), "\"" + variant.id() + "\"",
                            String.format(java.util.Locale.ROOT, "needs %.3g GB of weights, more than any node holds"
                                    + " (largest: %.3g GB on %s)", bytes / 1e9, largest / 1e9, where),
                            "Use a smaller or more quantized variant, or add GPUs to a site or the cloud.");
                }
            }
        }
    }
}
