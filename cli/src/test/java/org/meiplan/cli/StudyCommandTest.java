package org.meiplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad study input through the command: exit 2 with the JSON path or URL and a fix, before any
 * run starts, and nothing written (no CSV, no plots, no report).
 */
class StudyCommandTest {

    static MeiplanCliTest.Result study(Path dir, String spec, String... more) throws IOException {
        Path file = dir.resolve("spec.json");
        Files.writeString(file, spec);
        String[] args = Stream.concat(Stream.of("study", file.toString(), "-o", dir.resolve("out.csv").toString(), "-q"),
                Stream.of(more)).toArray(String[]::new);
        return MeiplanCliTest.run(args);
    }

    static void nothingWritten(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsOnly("spec.json");
        }
    }

    @Test
    void anEmptyGridExitsTwoAndWritesNothing(@TempDir Path dir) throws IOException {
        MeiplanCliTest.Result r = study(dir, "{\"grid\": {}, \"stages\": [\"caching\"]}");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("spec.json", "/grid", "\"scenario\"").doesNotContain("Exception", "\tat ");
        nothingWritten(dir);
    }

    @Test
    void anUnknownAlgorithmExitsTwoAndWritesNothing(@TempDir Path dir) throws IOException {
        MeiplanCliTest.Result r = study(dir, """
                {"grid": {"scenario": ["virtual-assistant"], "size": ["tiny"], "algorithm.caching": ["fastest"]},
                 "stages": ["caching"]}""");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("/grid/algorithm.caching", "\"fastest\"", "greedy");
        nothingWritten(dir);
    }

    @Test
    void aHugeSeedCountExitsTwoAtOnce(@TempDir Path dir) throws IOException {
        MeiplanCliTest.Result r = study(dir, """
                {"grid": {"scenario": ["virtual-assistant"]}, "seeds": 9223372036854775807}""");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("/seeds", "9223372036854775807");
        nothingWritten(dir);
    }

    @Test
    void aMissingInstanceFileExitsTwoWithItsPath(@TempDir Path dir) throws IOException {
        MeiplanCliTest.Result r = study(dir, """
                {"grid": {"instance": ["nets/a.json"]}, "stages": ["caching"]}""");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("/grid/instance", "nets/a.json", "no such file",
                dir.resolve("nets/a.json").toString());
        nothingWritten(dir);
    }

    @Test
    void anUnreachableMasterExitsTwoWithTheUrl(@TempDir Path dir) throws IOException {
        MeiplanCliTest.Result r = study(dir, """
                {"grid": {"scenario": ["virtual-assistant"], "size": ["tiny"]}, "stages": ["caching"]}""",
                "--engine", "spark", "--master", "spark://127.0.0.1:1");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("spark://127.0.0.1:1", "no Spark master answers", "local[*]")
                .doesNotContain("\tat ");
        nothingWritten(dir);
    }

    @Test
    void engineOptionsAreChecked(@TempDir Path dir) throws IOException {
        String spec = "{\"grid\": {\"scenario\": [\"virtual-assistant\"]}, \"stages\": [\"caching\"]}";
        MeiplanCliTest.Result r = study(dir, spec, "--engine", "flink");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("--engine flink", "local", "spark");
        r = study(dir, spec, "--master", "local[2]");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("--master local[2] needs --engine spark");
        nothingWritten(dir);
    }
}
