package org.meiplan.models.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.meiplan.models.eval.Evaluation;
import org.meiplan.models.eval.JobMetrics;
import org.meiplan.models.eval.PlanViolation;
import org.meiplan.models.eval.RequestMetrics;
import org.meiplan.models.eval.SiteMetrics;
import org.meiplan.models.eval.Summary;
import org.meiplan.models.eval.UserMetrics;

/**
 * The schemas of meiplan's outputs (plan, evaluation, diff, study spec) against the code that writes or reads them:
 * every field of the writers' records and the readers' field sets is in the schema and nothing else, written output
 * validates, no number is written as "NaN", and docs/schemas holds the same files as the jar.
 */
class OutputSchemasTest {

    static final String DIR = "/org/meiplan/models/schema/";
    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode document(String name) throws IOException {
        try (InputStream in = OutputSchemasTest.class.getResourceAsStream(DIR + name + ".schema.json")) {
            assertThat(in).as("%s.schema.json in the jar", name).isNotNull();
            return MAPPER.readTree(in);
        }
    }

    static JsonSchema schema(String name) throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder ->
                builder.schemaMappers(m -> m.mapPrefix("https://meiplan.org/schema/1/", "classpath:" + DIR.substring(1))));
        JsonSchema schema = factory.getSchema(SchemaLocation.of("https://meiplan.org/schema/1/" + name + ".schema.json"));
        schema.initializeValidators();
        return schema;
    }

    static Set<String> properties(JsonNode schema, String pointer) {
        JsonNode node = schema.at(pointer).get("properties");
        assertThat(node).as("properties at %s", pointer).isNotNull();
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Set<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"Summary, /$defs/summary", "RequestMetrics, /$defs/request", "SiteMetrics, /$defs/site",
        "UserMetrics, /$defs/user", "JobMetrics, /$defs/job", "PlanViolation, /$defs/violation",
        "GroupMetrics, /$defs/group"})
    void theEvaluationSchemaNamesEveryFieldOfTheEvaluatorsRecords(String record, String pointer) throws Exception {
        @SuppressWarnings("unchecked")
        Class<? extends Record> type = (Class<? extends Record>) Class.forName("org.meiplan.models.eval." + record);
        assertThat(properties(document("evaluation"), pointer))
                .as("fields of %s in evaluation.schema.json %s (add a new field there, with its unit)", record, pointer)
                .isEqualTo(components(type));
    }

    @Test
    void theEvaluationSchemaNamesEveryTopLevelField() throws IOException {
        Set<String> expected = new TreeSet<>(components(Evaluation.class));
        expected.add("feasible");
        assertThat(properties(document("evaluation"), "")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"ROOT_FIELDS, ''", "CACHE_FIELDS, /$defs/cache", "SERVING_FIELDS, /$defs/serving",
        "STAGE_FIELDS, /$defs/stage", "RADIO_FIELDS, /$defs/radio", "RUN_FIELDS, /$defs/run",
        "SOLVE_FIELDS, /$defs/solve"})
    void thePlanSchemaNamesExactlyTheFieldsThePlanReaderKnows(String set, String pointer) throws Exception {
        Field field = PlanJson.class.getDeclaredField(set);
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        Set<String> known = new TreeSet<>((Set<String>) field.get(null));
        assertThat(properties(document("plan"), pointer)).as("PlanJson.%s in plan.schema.json %s", set, pointer)
                .isEqualTo(known);
    }

    @Test
    void anEvaluationWithUnservedClassesValidatesAndHasNoNaNStrings() throws IOException {
        // an empty plan: every class unserved (NaN times), the training job not scheduled
        Path instanceFile = InstanceSchemaTest.repositoryRoot().resolve("datasets/instances/edge-tiny.json");
        var instance = new InstanceReader().read(instanceFile);
        Evaluation evaluation = new org.meiplan.models.eval.Evaluator().evaluate(instance,
                org.meiplan.models.plan.Plan.empty(instance.name()));
        String text = EvaluationJson.toString(evaluation);
        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity").contains("\"latency\" : null");
        Set<ValidationMessage> errors = schema("evaluation").validate(MAPPER.readTree(text));
        assertThat(errors).isEmpty();
    }

    @Test
    void aWrongTypeInAnEvaluationIsCaughtByTheSchema() throws IOException {
        JsonNode broken = MAPPER.readTree("{\"feasible\": \"yes\", \"summary\": {}, \"requests\": [], \"sites\": [],"
                + " \"users\": [], \"jobs\": [], \"violations\": [], \"assumptions\": []}");
        assertThat(schema("evaluation").validate(broken)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"datasets/instances/edge-tiny.plan.json"})
    void bundledPlansValidateAndASchemaKeyIsAccepted(String file) throws IOException {
        Path path = InstanceSchemaTest.repositoryRoot().resolve(file);
        JsonNode plan = MAPPER.readTree(path.toFile());
        assertThat(schema("plan").validate(plan)).isEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) plan).put("$schema",
                "https://meiplan.org/schema/1/plan.schema.json");
        assertThat(schema("plan").validate(plan)).isEmpty();
        assertThat(PlanJson.read(plan, new InstanceReader().read(path.resolveSibling("edge-tiny.json")), "plan")
                .serving()).isNotEmpty();
    }

    @Test
    void everyStudySpecInTheRepositoryValidates() throws IOException {
        Path specs = InstanceSchemaTest.repositoryRoot().resolve("notebooks/specs");
        try (var files = Files.list(specs)) {
            for (Path spec : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                assertThat(schema("study-spec").validate(MAPPER.readTree(spec.toFile()))).as("%s", spec).isEmpty();
            }
        }
    }

    @Test
    void docsSchemasAreTheJarsSchemas() throws IOException {
        Path docs = InstanceSchemaTest.repositoryRoot().resolve("docs/schemas");
        for (String name : List.of("instance", "plan", "evaluation", "diff", "study-spec")) {
            Path copy = docs.resolve(name + ".schema.json");
            assertThat(copy).as("docs copy of %s.schema.json (cp models/src/main/resources%s*.json docs/schemas/)",
                    name, DIR).exists();
            assertThat(MAPPER.readTree(copy.toFile())).as("docs/schemas/%s.schema.json", name)
                    .isEqualTo(document(name));
        }
    }

    @Test
    void everyOutputSchemaIsAValidDraft202012SchemaWithAnId() throws IOException {
        for (String name : List.of("plan", "evaluation", "diff", "study-spec")) {
            JsonNode doc = document(name);
            assertThat(doc.path("$id").asText()).isEqualTo("https://meiplan.org/schema/1/" + name + ".schema.json");
            assertThat(doc.path("additionalProperties").asBoolean(true)).as("%s is closed", name).isFalse();
            schema(name); // resolves every $ref
        }
    }
}
