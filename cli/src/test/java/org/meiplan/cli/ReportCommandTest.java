package org.meiplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meiplan report}: one self-contained page with every part the issue asks for, for feasible and bad plans. */
class ReportCommandTest {

    @Test
    void thePageIsSelfContainedAndShowsEveryPart(@TempDir Path dir) throws IOException {
        Path plan = dir.resolve("plan.json");
        assertThat(MeiplanCliTest.run("solve", MeiplanCliTest.INSTANCE, "-q", "--time-limit", "20s", "-o",
                plan.toString()).code()).isZero();
        Path html = dir.resolve("plan.html");
        MeiplanCliTest.Result r = MeiplanCliTest.run("report", MeiplanCliTest.INSTANCE, plan.toString(), "-o",
                html.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("Plan is FEASIBLE", "<svg class=\"map\"",
                "Per-site load", "storage", "GPU memory", "compute", "uplink radio", "Latency breakdown",
                "class=\"slo\"", "Training schedule", "class=\"job ontime\"", "t1 @ bs-1", "Stages:", "OPTIMAL",
                "bs-1", "bs-2", "r1", "r4", "dataset.rendered = 'ok'");
        // every request class of the instance has a latency row, every site a load row
        for (String id : new String[] {"r1", "r2", "r3", "r4"}) {
            assertThat(page).contains("<td>" + id + "</td>");
        }
        // nothing is loaded: no external script, stylesheet, image or font
        assertThat(Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//").matcher(page).find()).isFalse();
        assertThat(page).doesNotContain("<link ", "@import", "url(");
    }

    @Test
    void aViolatedPlanGetsItsPageAndExitThree(@TempDir Path dir) throws IOException {
        Path plan = dir.resolve("bad.plan.json");
        Files.writeString(plan, """
                {"meiplanPlan": "1", "instance": "edge-tiny",
                 "caching": [{"site": "bs-2", "variants": ["l8b-int4", "l8b-bf16"]}],
                 "serving": [{"request": "r2", "mode": "cloud"}]}""");
        Path html = dir.resolve("bad.html");
        MeiplanCliTest.Result r = MeiplanCliTest.run("report", MeiplanCliTest.INSTANCE, plan.toString(), "-o",
                html.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INFEASIBLE);
        assertThat(Files.readString(html)).contains("VIOLATED", "STORAGE", "PRIVACY", "not scheduled",
                "records no stage solves");
    }

    @Test
    void idsAreEscaped() {
        assertThat(org.meiplan.solvers.export.HtmlReport.class).isNotNull();
        MeiplanCliTest.Result r = MeiplanCliTest.run("report", MeiplanCliTest.INSTANCE, MeiplanCliTest.PLAN, "-o", "-");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("<!DOCTYPE html>").doesNotContain("<script>alert");
    }
}
