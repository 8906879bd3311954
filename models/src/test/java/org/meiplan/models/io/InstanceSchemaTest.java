package org.meiplan.models.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.meiplan.models.instance.Adapter;
import org.meiplan.models.instance.ChannelModel;
import org.meiplan.models.instance.Profile;
import org.meiplan.models.units.Dimension;
import org.meiplan.models.units.Units;

/**
 * The instance schema ({@code instance.schema.json}) against the reader, which defines the
 * format: bundled and sample instances validate, broken ones are rejected by both, and every
 * field set, enum and unit list of the reader appears in the schema exactly.
 */
class InstanceSchemaTest {

    static final String SCHEMA_RESOURCE = "/org/meiplan/models/schema/instance.schema.json";
    static final String SAMPLE_RESOURCE = "/instances/schema-sample.json";

    /** Where each field set of the reader lives in the schema (JSON Pointers into the schema document). */
    static final Map<String, List<String>> FIELD_SETS = new LinkedHashMap<>();

    static {
        FIELD_SETS.put("ROOT_FIELDS", List.of(""));
        FIELD_SETS.put("CATALOG_FIELDS", List.of("/$defs/catalog"));
        FIELD_SETS.put("PRECISION_FIELDS", List.of("/$defs/precision"));
        FIELD_SETS.put("ARCHITECTURE_FIELDS", List.of("/$defs/architecture"));
        FIELD_SETS.put("VARIANT_FIELDS", List.of("/$defs/variant"));
        FIELD_SETS.put("ADAPTER_FIELDS", List.of("/$defs/adapter", "/$defs/loraPreset"));
        FIELD_SETS.put("PROFILE_FIELDS", List.of("/$defs/profile"));
        FIELD_SETS.put("TOPOLOGY_FIELDS", List.of("/$defs/topology"));
        FIELD_SETS.put("CLOUD_FIELDS", List.of("/$defs/cloud"));
        FIELD_SETS.put("CHANNEL_FIELDS", List.of("/$defs/channel"));
        FIELD_SETS.put("SITE_FIELDS", List.of("/$defs/site"));
        FIELD_SETS.put("USER_FIELDS", List.of("/$defs/user"));
        FIELD_SETS.put("LINK_FIELDS", List.of("/$defs/link"));
        FIELD_SETS.put("WORKLOAD_FIELDS", List.of("/$defs/workload"));
        FIELD_SETS.put("REQUEST_FIELDS", List.of("/$defs/request"));
        FIELD_SETS.put("TRAINING_FIELDS", List.of("/$defs/training"));
        FIELD_SETS.put("JOB_FIELDS", List.of("/$defs/job"));
    }

    /** The quantity definitions of the schema and the dimension each stands for. */
    static final Map<String, Dimension> QUANTITIES = new LinkedHashMap<>();

    static {
        QUANTITIES.put("number", Dimension.NUMBER);
        QUANTITIES.put("bytes", Dimension.BYTES);
        QUANTITIES.put("bitRate", Dimension.BIT_RATE);
        QUANTITIES.put("byteRate", Dimension.BYTE_RATE);
        QUANTITIES.put("flopRate", Dimension.FLOP_RATE);
        QUANTITIES.put("frequency", Dimension.FREQUENCY);
        QUANTITIES.put("power", Dimension.POWER);
        QUANTITIES.put("powerDensity", Dimension.POWER_DENSITY);
        QUANTITIES.put("energy", Dimension.ENERGY);
        QUANTITIES.put("time", Dimension.TIME);
        QUANTITIES.put("length", Dimension.LENGTH);
        QUANTITIES.put("gain", Dimension.GAIN);
        QUANTITIES.put("rate", Dimension.RATE);
    }

    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode schemaDocument;
    static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = InstanceSchemaTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            assertThat(in).as("schema on the classpath at " + SCHEMA_RESOURCE).isNotNull();
            schemaDocument = MAPPER.readTree(in);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaDocument, config);
        schema.initializeValidators();
    }

    // ------------------------------------------------------------------ valid instances

    /** Every bundled instance ({@code datasets/instances/*.json}) and every test-resource instance. */
    static Stream<Arguments> instanceFiles() throws IOException, URISyntaxException {
        List<Path> files = new ArrayList<>();
        Path root = repositoryRoot();
        Path bundled = root.resolve("datasets").resolve("instances");
        if (Files.isDirectory(bundled)) {
            files.addAll(jsonFiles(bundled));
        }
        URL sample = InstanceSchemaTest.class.getResource(SAMPLE_RESOURCE);
        assertThat(sample).as("test resource " + SAMPLE_RESOURCE).isNotNull();
        files.addAll(jsonFiles(Path.of(sample.toURI()).getParent()));
        return files.stream().map(file -> Arguments.of(root.relativize(file).toString(), file));
    }

    static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().endsWith(".plan.json")).sorted().toList();
        }
    }

    /** The first directory up from {@code user.dir} holding both {@code pom.xml} and {@code datasets/}. */
    static Path repositoryRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("datasets"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory above " + start + " holds pom.xml and datasets/; "
                + "run the tests from inside the meiplan repository.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instanceFiles")
    void instancesValidate(String name, Path file) throws IOException {
        JsonNode instance = MAPPER.readTree(file.toFile());

        assertThat(errors(instance)).as("schema errors in " + name).isEmpty();
    }

    @Test
    void sampleIsReadByTheReaderToo() throws IOException, URISyntaxException {
        Path sample = Path.of(InstanceSchemaTest.class.getResource(SAMPLE_RESOURCE).toURI());

        assertThat(new InstanceReader().read(sample).topology().users()).hasSize(3);
    }

    /** The worked example in docs/instance-format.md is valid for the schema and the reader. */
    @Test
    void documentedExampleIsValid() throws IOException {
        Path doc = repositoryRoot().resolve("docs").resolve("instance-format.md");
        String text = Files.readString(doc);
        Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertThat(block.find()).as("a ```json block in " + doc).isTrue();
        JsonNode example = MAPPER.readTree(block.group(1));

        assertThat(errors(example)).as("schema errors in the example of " + doc).isEmpty();
        assertThat(new InstanceReader().read(example, "the example").workload().requests()).hasSize(3);
    }

    // ------------------------------------------------------------------ broken instances

    static Stream<Arguments> brokenInstances() {
        return Stream.of(
                broken("unknown field", "/topology/sites/0", "bandwith",
                        d -> site(d, 0).put("bandwith", "20 MHz")),
                broken("\"$comment\" is not a field", "", "$comment",
                        d -> d.put("$comment", "a note")),
                broken("bad unit string", "/profiles/0/memory", null,
                        d -> profile(d, 0).put("memory", "8 GHz")),
                broken("unit of another dimension", "/topology/sites/1/backhaulRate", null,
                        d -> site(d, 1).put("backhaulRate", "1 GHz")),
                broken("units are case-sensitive", "/workload/requests/0/latency", null,
                        d -> request(d, 0).put("latency", "4 S")),
                broken("negative quantity", "/profiles/1/memory", null,
                        d -> profile(d, 1).put("memory", -1)),
                broken("wrong path-loss law", "/topology/channel/pathLoss", null,
                        d -> ((ObjectNode) d.at("/topology/channel")).put("pathLoss", "3gpp-rma-nlos")),
                broken("wrong privacy", "/workload/requests/1/privacy", null,
                        d -> request(d, 1).put("privacy", "cloud")),
                broken("wrong kind", "/profiles/0/kind", null,
                        d -> profile(d, 0).put("kind", "tablet")),
                broken("wrong compute precision", "/catalog/precisions/0/compute", null,
                        d -> ((ObjectNode) d.at("/catalog/precisions/0")).put("compute", "fp8")),
                broken("wrong flops precision", "/profiles/0/flops", "fp8",
                        d -> ((ObjectNode) d.at("/profiles/0/flops")).put("fp8", "8 TFLOPS")),
                broken("wrong LoRA target", "/catalog/variants/1/adapter/targets/0", null,
                        d -> ((ObjectNode) d.at("/catalog/variants/1")).putObject("adapter").put("rank", 8)
                                .putArray("targets").add("qkv")),
                broken("wrong method", "/training/jobs/0/method", null,
                        d -> job(d, 0).put("method", "qlora")),
                broken("fine-tuned variant with an architecture", "/catalog/variants/1/architecture", null,
                        d -> ((ObjectNode) d.at("/catalog/variants/1")).put("architecture", "tiny-1b")),
                broken("LoRA job without adapter", "/training/jobs/0", null,
                        d -> job(d, 0).remove("adapter")),
                broken("missing required field", "/workload/requests/2", null,
                        d -> request(d, 2).remove("latency")),
                broken("site named cloud", "/topology/sites/1/id", null,
                        d -> site(d, 1).put("id", "cloud")),
                broken("no bandwidth", "/topology/sites/1", null,
                        d -> site(d, 1).remove("downlinkBandwidth")),
                broken("integer with a fraction", "/catalog/architectures/0/layers", null,
                        d -> ((ObjectNode) d.at("/catalog/architectures/0")).put("layers", 16.5)),
                broken("wrong format version", "/meiplan", null,
                        d -> d.put("meiplan", "2")));
    }

    @Test
    void aSchemaKeyAtTheTopIsAcceptedByBoth() throws IOException {
        ObjectNode instance = sample();
        instance.put("$schema", "https://meiplan.org/schema/1/instance.schema.json");
        assertThat(errors(instance)).isEmpty();
        assertThat(new InstanceReader().read(instance, "with $schema").name())
                .isEqualTo(instance.path("name").asText("instance"));
    }

    static Arguments broken(String what, String path, String property, Consumer<ObjectNode> edit) {
        return Arguments.of(what, path, property, edit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenInstances")
    void brokenInstancesAreRejectedByBoth(String what, String path, String property, Consumer<ObjectNode> edit)
            throws IOException {
        ObjectNode instance = sample();
        edit.accept(instance);

        Set<ValidationMessage> errors = errors(instance);
        assertThat(errors).as(what).isNotEmpty();
        assertThat(errors).as(what + ": an error at " + path)
                .anyMatch(e -> e.getInstanceLocation().toString().equals(path)
                        && (property == null || property.equals(e.getProperty())));
        String violationPath = property == null ? path : JsonCheck.child(path, property);
        assertThatThrownBy(() -> new InstanceReader().read(instance, "broken"))
                .isInstanceOf(InvalidInstanceException.class)
                .satisfies(e -> assertThat(((InvalidInstanceException) e).violations())
                        .as(what + ": the reader's violations")
                        .anyMatch(v -> v.path().equals(violationPath) || v.path().startsWith(violationPath + "/")));
    }

    // ------------------------------------------------------------------ schema and reader in sync

    @Test
    void everyFieldSetOfTheReaderIsMapped() {
        Set<String> sets = Arrays.stream(InstanceReader.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getName().endsWith("_FIELDS"))
                .map(Field::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(sets).as("field sets in InstanceReader; map a new one in FIELD_SETS")
                .containsExactlyInAnyOrderElementsOf(FIELD_SETS.keySet());
    }

    @Test
    void schemaObjectsHaveExactlyTheReadersFields() throws ReflectiveOperationException {
        for (Map.Entry<String, List<String>> entry : FIELD_SETS.entrySet()) {
            Set<String> fields = readerSet(entry.getKey());
            for (String location : entry.getValue()) {
                JsonNode object = schemaAt(location);
                assertThat(propertyNames(object)).as(entry.getKey() + " vs schema " + location)
                        .containsExactlyInAnyOrderElementsOf(fields);
                assertThat(object.path("additionalProperties").isBoolean()
                        && !object.path("additionalProperties").booleanValue())
                        .as("additionalProperties false at " + location).isTrue();
            }
        }
    }

    @Test
    void enumsMatchTheReader() throws ReflectiveOperationException {
        assertThat(enumAt("/$defs/privacy")).isEqualTo(readerList("PRIVACY_NAMES"));
        assertThat(schemaAt("/$defs/request/properties/privacy").path("$ref").asText()).isEqualTo("#/$defs/privacy");
        assertThat(schemaAt("/$defs/job/properties/privacy").path("$ref").asText()).isEqualTo("#/$defs/privacy");
        assertThat(enumAt("/$defs/profile/properties/kind")).isEqualTo(readerList("KIND_NAMES"));
        assertThat(enumAt("/$defs/channel/properties/pathLoss")).isEqualTo(Arrays.stream(ChannelModel.PathLoss.values())
                .map(ChannelModel.PathLoss::jsonName).toList());
        assertThat(enumAt("/$defs/precision/properties/compute")).isEqualTo(Profile.COMPUTE_PRECISIONS);
        assertThat(propertyNames(schemaAt("/$defs/profile/properties/flops")))
                .containsExactlyInAnyOrderElementsOf(Profile.COMPUTE_PRECISIONS);
        assertThat(enumAt("/$defs/adapter/properties/targets/items")).isEqualTo(Adapter.TARGETS);
        assertThat(enumAt("/$defs/job/properties/method")).containsExactly("lora", "full");
    }

    /** The unit alternation of each quantity pattern lists exactly what {@link Units} parses. */
    @Test
    void unitPatternsMatchUnits() {
        Pattern alternation = Pattern.compile("\\\\s\\*\\(([^()]*)\\)\\?\\\\s\\*\\$$");
        for (Map.Entry<String, Dimension> entry : QUANTITIES.entrySet()) {
            String pattern = schemaAt("/$defs/" + entry.getKey()).path("pattern").asText();
            Matcher units = alternation.matcher(pattern);
            Set<String> listed = units.find() ? Set.of(units.group(1).split("\\|")) : Set.of();
            assertThat(listed).as("units in $defs/" + entry.getKey())
                    .containsExactlyInAnyOrderElementsOf(Units.unitsOf(entry.getValue()));
            Pattern compiled = Pattern.compile(pattern);
            for (String unit : Units.unitsOf(entry.getValue())) {
                for (String text : List.of("12 " + unit, " -1.5e3" + unit + " ", ".5 " + unit)) {
                    assertThat(compiled.matcher(text).find()).as(text + " for " + entry.getKey()).isTrue();
                    Units.parse(text, entry.getValue()); // and the reader takes it
                }
            }
            assertThat(compiled.matcher("42").find()).as("a bare number string for " + entry.getKey()).isTrue();
            assertThat(compiled.matcher("12 parsecs").find()).as("an unknown unit for " + entry.getKey()).isFalse();
        }
    }

    // ------------------------------------------------------------------ helpers

    static Set<ValidationMessage> errors(JsonNode instance) {
        return schema.validate(instance);
    }

    static ObjectNode sample() throws IOException {
        try (InputStream in = InstanceSchemaTest.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            return (ObjectNode) MAPPER.readTree(in);
        }
    }

    static ObjectNode site(ObjectNode instance, int i) {
        return (ObjectNode) instance.at("/topology/sites/" + i);
    }

    static ObjectNode profile(ObjectNode instance, int i) {
        return (ObjectNode) instance.at("/profiles/" + i);
    }

    static ObjectNode request(ObjectNode instance, int i) {
        return (ObjectNode) instance.at("/workload/requests/" + i);
    }

    static ObjectNode job(ObjectNode instance, int i) {
        return (ObjectNode) instance.at("/training/jobs/" + i);
    }

    static JsonNode schemaAt(String pointer) {
        JsonNode node = schemaDocument.at(JsonPointer.compile(pointer));
        assertThat(node.isMissingNode()).as("schema location " + pointer).isFalse();
        return node;
    }

    static Set<String> propertyNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = object.path("properties").fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    static List<String> enumAt(String pointer) {
        List<String> values = new ArrayList<>();
        schemaAt(pointer).path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    @SuppressWarnings("unchecked")
    static Set<String> readerSet(String name) throws ReflectiveOperationException {
        Field field = InstanceReader.class.getDeclaredField(name);
        field.setAccessible(true);
        return (Set<String>) field.get(null);
    }

    @SuppressWarnings("unchecked")
    static List<String> readerList(String name) throws ReflectiveOperationException {
        Field field = InstanceReader.class.getDeclaredField(name);
        field.setAccessible(true);
        return (List<String>) field.get(null);
    }
}
