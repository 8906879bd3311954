package org.meiplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's error handling: suggestions, escapes, capped problem lists, debug traces, exit codes. */
class ErrorReportTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static MeiplanCliTest.Result run(Map<String, String> environment, String... args) {
        return ErrorReport.using(environment, () -> MeiplanCliTest.run(args));
    }

    static ObjectNode instance() throws IOException {
        return (ObjectNode) MAPPER.readTree(Files.readString(Path.of(MeiplanCliTest.INSTANCE)));
    }

    @Test
    void aMisspeltSubcommandGetsPicocliSuggestion() {
        MeiplanCliTest.Result r = MeiplanCliTest.run("slove", MeiplanCliTest.INSTANCE);
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("Unmatched argument", "Did you mean: meiplan solve?", "--help");
        assertThat(MeiplanCliTest.run("evalute").err()).contains("Did you mean: meiplan evaluate?");
        assertThat(MeiplanCliTest.run("xyzzy-nothing").err()).doesNotContain("Did you mean");
    }

    @Test
    void aMisspeltOptionGetsPicocliSuggestion() {
        MeiplanCliTest.Result r = MeiplanCliTest.run("solve", MeiplanCliTest.INSTANCE, "--time-limt", "5");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("Unknown option", "Possible solutions: --time-limit");
    }

    @Test
    void terminalEscapesInIdsAreEscapedWhenEchoed(@TempDir Path dir) throws IOException {
        ObjectNode root = instance();
        ((ObjectNode) root.at("/workload/requests/0")).put("user", "\u001b[2J\u001b]0;owned\u0007\u202eu1");
        Path bad = dir.resolve("escape.json");
        Files.writeString(bad, root.toString());
        MeiplanCliTest.Result r = MeiplanCliTest.run("validate", bad.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("\\u001b[2J", "\\u0007", "\\u202e", "/workload/requests/0/user");
        assertThat(r.err().chars()).noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e);
    }

    @Test
    void anEscapeInTheArgumentsIsEscapedToo() {
        MeiplanCliTest.Result r = MeiplanCliTest.run("\u001b[31mvalidate");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("\\u001b[31m");
        assertThat(r.err().chars()).noneMatch(c -> c == 0x1b);
    }

    static Path manyProblems(Path dir, int count) throws IOException {
        ObjectNode root = instance();
        ArrayNode requests = (ArrayNode) root.at("/workload/requests");
        for (int i = 0; i < count; i++) {
            requests.addObject().put("id", "extra-" + i).put("user", "nobody-" + i).put("variant", "l8b-int4")
                    .put("promptTokens", 10).put("outputTokens", 10).put("latency", 1);
        }
        Path bad = dir.resolve("many.json");
        Files.writeString(bad, root.toString());
        return bad;
    }

    @Test
    void longProblemListsAreCappedWithACount(@TempDir Path dir) throws IOException {
        Path bad = manyProblems(dir, 500);
        MeiplanCliTest.Result r = MeiplanCliTest.run("validate", bad.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("has 500 problems", "... and 450 more", "MEIPLAN_MAX_PROBLEMS=0");
        assertThat(r.err().lines().filter(line -> line.startsWith("  /"))).hasSize(ErrorReport.DEFAULT_MAX_PROBLEMS);

        MeiplanCliTest.Result all = run(Map.of("MEIPLAN_MAX_PROBLEMS", "0"), "validate", bad.toString());
        assertThat(all.err().lines().filter(line -> line.startsWith("  /"))).hasSize(500);
    }

    @Test
    void jsonGivesTheFullProblemListOnStdout(@TempDir Path dir) throws IOException {
        Path bad = manyProblems(dir, 120);
        MeiplanCliTest.Result r = MeiplanCliTest.run("evaluate", "--json", bad.toString(), MeiplanCliTest.PLAN);
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        JsonNode json = MAPPER.readTree(r.out());
        assertThat(json.get("count").asInt()).isEqualTo(120);
        assertThat(json.get("problems")).hasSize(120);
        assertThat(json.get("problems").get(0).get("path").asText()).isEqualTo("/workload/requests/4/user");
        assertThat(json.get("input").asText()).isEqualTo(bad.toString());
    }

    @Test
    void anInstanceWithoutSitesIsInvalidInputNotACrash(@TempDir Path dir) throws IOException {
        ObjectNode root = instance();
        ((ObjectNode) root.get("topology")).putArray("sites");
        ((ObjectNode) root.get("topology")).remove("links");
        Path bad = dir.resolve("no-sites.json");
        Files.writeString(bad, root.toString());
        for (String command : new String[] {"validate", "evaluate", "solve"}) {
            MeiplanCliTest.Result r = command.equals("evaluate")
                    ? MeiplanCliTest.run(command, bad.toString(), MeiplanCliTest.PLAN)
                    : MeiplanCliTest.run(command, bad.toString());
            assertThat(r.code()).as(command).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(r.err()).as(command).contains("/topology/sites: has no site").doesNotContain("internal error");
        }
    }

    @Test
    void aGenerateTooLargeForTheReaderIsRefusedBeforeGenerating() {
        MeiplanCliTest.Result r = MeiplanCliTest.run("generate", "--scenario", "virtual-assistant", "--sites", "100000",
                "--users", "10000000");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("Cannot generate", "more than the limit", "--sites 1000 --users 100000");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void outOfMemoryIsReportedWithAHeapHintAndTheTraceUnderDebug() {
        StringWriter err = new StringWriter();
        int code = new ErrorReport(Map.of()).report(new OutOfMemoryError("Java heap space"), new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), false);
        assertThat(code).isEqualTo(ExitCode.INTERNAL);
        assertThat(err.toString()).contains("out of memory", "MEIPLAN_JAVA_OPTS=-Xmx8g", "MEIPLAN_DEBUG=1")
                .doesNotContain("\tat ");

        StringWriter debug = new StringWriter();
        new ErrorReport(Map.of("MEIPLAN_DEBUG", "1")).report(new OutOfMemoryError("Java heap space"),
                new PrintWriter(new StringWriter()), new PrintWriter(debug, true), false);
        assertThat(debug.toString()).contains("java.lang.OutOfMemoryError: Java heap space", "\tat ");
    }

    @Test
    void internalErrorsShowATraceOnlyUnderDebug() {
        StringWriter err = new StringWriter();
        int code = new ErrorReport(Map.of()).report(new IllegalStateException("boom"), new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), false);
        assertThat(code).isEqualTo(ExitCode.INTERNAL);
        assertThat(err.toString()).contains("internal error", "boom", "a bug").doesNotContain("\tat ");
        StringWriter debug = new StringWriter();
        new ErrorReport(Map.of("MEIPLAN_DEBUG", "1")).report(new StackOverflowError(), new PrintWriter(new StringWriter()),
                new PrintWriter(debug, true), false);
        assertThat(debug.toString()).contains("StackOverflowError", "\tat ");
    }

    @Test
    void escapeLeavesOrdinaryTextAlone() {
        assertThat(ErrorReport.escape("bs-1 ünïcödé 漢字\nnext")).isEqualTo("bs-1 ünïcödé 漢字\nnext");
        assertThat(ErrorReport.escapeLine("a\nb\u009bc")).isEqualTo("a\\u000ab\\u009bc");
    }
}
