package org.meiplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** What command-line users expect: -, durations with units, diff's exit codes, file modes, links, FIFOs, completion. */
class CliConventionsTest {

    static final String INSTANCE = MeiplanCliTest.INSTANCE;
    static final String PLAN = MeiplanCliTest.PLAN;

    @AfterEach
    void restoreStdin() {
        Io.setStdin(System.in);
    }

    static MeiplanCliTest.Result run(String... args) {
        return MeiplanCliTest.run(args);
    }

    @Test
    void aDashReadsTheInstanceFromStandardInput() throws IOException {
        Io.setStdin(new ByteArrayInputStream(Files.readAllBytes(Path.of(INSTANCE))));
        MeiplanCliTest.Result r = run("validate", "-");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("valid", "2 sites");
    }

    @Test
    void aDashReadsThePlanFromStandardInputAndTwoDashesAreRefused() throws IOException {
        Io.setStdin(new ByteArrayInputStream(Files.readAllBytes(Path.of(PLAN))));
        assertThat(run("evaluate", INSTANCE, "-").code()).isEqualTo(ExitCode.OK);
        MeiplanCliTest.Result twice = run("evaluate", "-", "-");
        assertThat(twice.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(twice.err()).contains("only one input", "standard input");
    }

    @Test
    void aDashOutputWritesThePlanToStandardOutput() throws IOException {
        MeiplanCliTest.Result r = run("solve", INSTANCE, "--stage", "caching", "-q", "--json", "-o", "-");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("\"meiplanPlan\"");
        assertThat(Files.exists(Path.of("-"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"30, 30", "0.5, 0.5", "5s, 5", "5 s, 5", "2 min, 120", "2min, 120", "500ms, 0.5", "1h, 3600",
        "1e1, 10", "1.5e1s, 15"})
    void durationsTakeSecondsOrUnits(String text, double seconds) {
        assertThat(Durations.parse(text)).isCloseTo(seconds, within(1e-12));
    }

    @Test
    void aBadDurationSaysHowToWriteOne() {
        assertThatThrownBy(() -> Durations.parse("5 parsecs")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContainingAll("5 parsecs", "5s", "2 min");
        MeiplanCliTest.Result r = run("solve", INSTANCE, "--time-limit", "soon");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("--time-limit", "soon", "not a duration");
    }

    @Test
    void solveAcceptsATimeLimitWithAUnit() {
        MeiplanCliTest.Result r = run("solve", INSTANCE, "--stage", "caching", "--time-limit", "5s", "-q");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void diffExitsZeroOneTwoLikeDiff(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertThat(run("solve", INSTANCE, "--stage", "caching", "-q", "-o", a.toString()).code()).isZero();
        Files.writeString(b, Files.readString(a).replace("\"l8b-int4\"", "\"l1b-int4\""));
        assertThat(run("diff", a.toString(), a.toString()).code()).isEqualTo(0);
        MeiplanCliTest.Result different = run("diff", a.toString(), b.toString());
        assertThat(different.code()).as(different.out() + different.err()).isEqualTo(1);
        assertThat(run("diff", a.toString(), dir.resolve("missing.json").toString()).code()).isEqualTo(2);
        Files.writeString(b, "{\"meiplanPlan\": \"1\", \"servng\": []}");
        assertThat(run("diff", a.toString(), b.toString()).code()).isEqualTo(2);
    }

    @Test
    void writtenFilesGetTheModeOfAnyNewFile(@TempDir Path dir) throws IOException {
        Path reference = dir.resolve("reference");
        try (OutputStream out = Files.newOutputStream(reference)) {
            out.write(1);
        }
        Path plan = dir.resolve("plan.json");
        assertThat(run("solve", INSTANCE, "--stage", "caching", "-q", "-o", plan.toString()).code()).isZero();
        assertThat(Files.getPosixFilePermissions(plan)).isEqualTo(Files.getPosixFilePermissions(reference));
        // the usual umask 022 gives rw-r--r--; never the 0600 of a temporary file
        assertThat(Files.getPosixFilePermissions(plan)).contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("rw-rw----"));
        assertThat(run("solve", INSTANCE, "--stage", "caching", "-q", "-o", plan.toString()).code()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plan))).isEqualTo("rw-rw----");
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetGetsThePlan(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("real.json");
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, target.getFileName());
        assertThat(run("solve", INSTANCE, "--stage", "caching", "-q", "-o", link.toString()).code()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).contains("\"meiplanPlan\"");
    }

    @Test
    void aFifoIsWrittenThroughNotReplaced(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("plan.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0,
                "mkfifo works here");
        java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(run("solve", INSTANCE, "--stage", "caching", "-q", "-o", fifo.toString()).code()).isZero();
        assertThat(read.get(30, TimeUnit.SECONDS)).contains("\"meiplanPlan\"");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void anUnwritableOutputIsRefusedBeforePlanning(@TempDir Path dir) {
        MeiplanCliTest.Result folder = run("solve", INSTANCE, "-o", dir.toString());
        assertThat(folder.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(folder.err()).contains(dir.toString(), "is a directory").doesNotContain("[1/");
        MeiplanCliTest.Result missing = run("solve", INSTANCE, "-o", dir.resolve("no/such/plan.json").toString());
        assertThat(missing.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(missing.err()).contains("does not exist").doesNotContain("[1/");
        MeiplanCliTest.Result export = run("export", INSTANCE, "--stage", "caching", "-o", dir.toString());
        assertThat(export.code()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void completionPrintsABashScriptWithEveryCommand() {
        MeiplanCliTest.Result r = run("completion");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("complete -F", "solve", "export", "evaluate",
                "--time-limit");
    }

    @Test
    void everyExampleSpecInTheHelpExists() {
        Pattern spec = Pattern.compile("notebooks/specs/[\\w.-]+\\.json");
        for (String command : new String[] {"study", "solve", "export", "evaluate", "diff", "generate"}) {
            MeiplanCliTest.Result help = run(command, "--help");
            Matcher m = spec.matcher(help.out());
            while (m.find()) {
                assertThat(MeiplanCliTest.root().resolve(m.group())).as("%s --help names %s", command, m.group())
                        .exists();
            }
            Matcher datasets = Pattern.compile("datasets/instances/[\\w.-]+\\.json").matcher(help.out());
            while (datasets.find()) {
                assertThat(MeiplanCliTest.root().resolve(datasets.group())).exists();
            }
        }
        assertThat(run("study", "--help").out()).contains("notebooks/specs/ci-small.json");
    }

    @Test
    void aUnitWithTheWrongCaseGetsTheHintThatKeepsItsBits(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        String text = Files.readString(Path.of(INSTANCE), StandardCharsets.UTF_8);
        assertThat(text).contains("\"backhaulRate\": \"10 Gbps\"");
        // a site's backhaul is a bit rate: "mbps" means megabits, "Mbps", not megabytes
        text = text.replaceFirst("\"backhaulRate\": \"10 Gbps\"", "\"backhaulRate\": \"100 mbps\"");
        Files.writeString(bad, text);
        MeiplanCliTest.Result r = run("validate", bad.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("\"Mbps\"").doesNotContain("\"MBps\"");
    }
}
