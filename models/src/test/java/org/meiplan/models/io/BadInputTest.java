package org.meiplan.models.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.meiplan.models.io.InstanceReaderTest.at;
import static org.meiplan.models.io.InstanceReaderTest.hand;
import static org.meiplan.models.io.InstanceReaderTest.violations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.meiplan.models.instance.Instance;

/**
 * Inputs that used to escape the readers' contract (a bare exception without a JSON path, an
 * instance that validated and then broke the planner, a number that wrapped): each is now a
 * violation naming its path, its value and a hint.
 */
class BadInputTest {

    static Violation only(List<Violation> violations, String path) {
        assertThat(violations).extracting(Violation::path).contains(path);
        return violations.stream().filter(v -> v.path().equals(path)).findFirst().orElseThrow();
    }

    static ObjectNode withChannel(ObjectNode root) {
        ObjectNode channel = at(root, "/topology").putObject("channel").put("pathLoss", "3gpp-uma-nlos");
        for (var user : at(root, "/topology").withArray("users")) {
            ((ObjectNode) user).putArray("position").add(10).add(20);
        }
        return channel;
    }

    @Test
    void anInstanceWithoutSitesFailsValidation() {
        Violation v = only(violations(root -> {
            at(root, "/topology").putArray("sites");
            for (var user : at(root, "/topology").withArray("users")) {
                ((ObjectNode) user).remove("site");
                ((ObjectNode) user).putObject("gains");
            }
        }), "/topology/sites");
        assertThat(v.problem()).contains("has no site");
        assertThat(v.hint()).contains("Add at least one base station");
    }

    @Test
    void absurdRatesAndPowersAreRejectedWithTheSupportedRange() {
        List<Violation> v = violations(root -> {
            at(root, "/workload/requests/0").put("rate", 1e308);
            at(root, "/topology/sites/0").put("txPower", 1e308);
            at(root, "/topology/users/0").put("txPower", "1e300 W");
        });
        assertThat(only(v, "/workload/requests/0/rate").problem()).contains("larger than the largest supported");
        assertThat(only(v, "/topology/sites/0/txPower").hint()).contains("1e6 W");
        assertThat(only(v, "/topology/users/0/txPower").value()).isEqualTo("\"1e300 W\"");
    }

    @Test
    void tinyPositiveBandwidthsThatWouldOverflowTimesAreRejected() {
        List<Violation> v = violations(root -> at(root, "/profiles/0").put("memoryBandwidth", 1e-300));
        assertThat(only(v, "/profiles/0/memoryBandwidth").problem()).contains("smaller than the smallest supported");
    }

    @Test
    void aUserTallerThanTheSiteIsAPathNamedViolation() {
        List<Violation> v = violations(root -> withChannel(root).put("userHeight", 30));
        assertThat(only(v, "/topology/channel/userHeight").problem()).contains("not below the site height");
        v = violations(root -> withChannel(root).put("userHeight", 30).put("siteHeight", 10));
        assertThat(only(v, "/topology/channel/siteHeight").problem()).contains("above the user height");
    }

    @Test
    void carrierFrequencyOutsideThePathLossLawsIsAPathNamedViolation() {
        List<Violation> v = violations(root -> withChannel(root).put("carrierFrequency", "200 GHz"));
        assertThat(only(v, "/topology/channel/carrierFrequency").problem()).contains("0.5-100 GHz");
        // a broken channel does not also demand explicit gains from every user
        assertThat(v).noneMatch(x -> x.path().endsWith("/gains"));
    }

    @Test
    void noiseFigureAndNoiseDensityOutOfRangeAreViolations() {
        List<Violation> v = violations(root -> at(root, "/topology").put("noiseFigureDb", 1e6));
        assertThat(only(v, "/topology/noiseFigureDb").problem()).contains("0 to 50 dB");
        v = violations(root -> at(root, "/topology").put("noiseDensity", "500 dBm/Hz"));
        assertThat(only(v, "/topology/noiseDensity").problem()).contains("larger than the largest supported");
    }

    @Test
    void bytesPerParameterOutOfRangeIsAViolation() {
        List<Violation> v = violations(root -> at(root, "/catalog/precisions/0").put("bytesPerParam", 1e300));
        assertThat(only(v, "/catalog/precisions/0/bytesPerParam").problem()).contains("larger than the largest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "18446744073709551616", "-9223372036854775809"})
    void theChannelSeedDoesNotWrapAt2To63(String seed) {
        List<Violation> v = violations(root -> withChannel(root).put("seed", new BigInteger(seed)));
        assertThat(only(v, "/topology/channel/seed").problem()).contains("must be between");
    }

    @Test
    void theLargestSeedIsKeptExactly() {
        ObjectNode root = hand();
        withChannel(root).put("seed", Long.MAX_VALUE);
        Instance instance = new InstanceReader().read(root.toString());
        assertThat(instance.topology().channel().seed()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aFileInABrokenEncodingIsNamedInTheError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("utf32.json");
        byte[] text = "{\"meiplan\": \"1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 4 - 1];
        bytes[2] = (byte) 0xFE;
        bytes[3] = (byte) 0xFF;
        System.arraycopy(text, 0, bytes, 4, text.length - 1);
        Files.write(file, bytes);
        InvalidInstanceException e = catchThrowableOfType(InvalidInstanceException.class,
                () -> new InstanceReader().read(file));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(file.toString());
        assertThat(e.what()).isEqualTo(file.toString());
    }

    @Test
    void theTokenCountIsCheckedBeforeTheTreeIsBuilt() {
        Limits few = new Limits(1 << 20, 32, 1000, 10_000, 10_000, 10_000, 10, 10, 100, 1_000);
        StringBuilder json = new StringBuilder("{\"meiplan\": \"1\", \"topology\": {\"sites\": [");
        for (int i = 0; i < 5_000; i++) {
            json.append(i == 0 ? "" : ",").append(i);
        }
        json.append("]}}");
        InvalidInstanceException e = catchThrowableOfType(InvalidInstanceException.class,
                () -> new InstanceReader(CatalogSource.EMPTY, few).read(json.toString()));
        assertThat(e).isNotNull();
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.problem()).contains("more than 1000 JSON tokens");
            assertThat(v.path()).startsWith("/topology/sites/");
            assertThat(v.hint()).contains("Limits.maxTokens");
        });
    }

    @Test
    void anArrayLongerThanAnyListIsRefusedWhileStreaming() {
        Limits few = new Limits(1 << 20, 32, 1000, 10, 10, 10, 10, 10, 100, 1_000_000);
        String json = "[" + "0,".repeat(4_999) + "0]";
        InvalidInstanceException e = catchThrowableOfType(InvalidInstanceException.class,
                () -> new InstanceReader(CatalogSource.EMPTY, few).read(json));
        assertThat(e).isNotNull();
        assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.problem()).contains("array of more than"));
    }

    @Test
    void theMessageListsAHundredProblemsAndCountsTheRest() {
        ObjectNode root = hand();
        ArrayNode requests = at(root, "/workload").withArray("requests");
        for (int i = 0; i < 300; i++) {
            requests.addObject().put("id", "r" + i).put("user", "nobody-" + i).put("variant", "toy-p2")
                    .put("promptTokens", 1).put("outputTokens", 1).put("latency", 1);
        }
        InvalidInstanceException e = catchThrowableOfType(InvalidInstanceException.class,
                () -> new InstanceReader().read(root.toString()));
        assertThat(e.violations()).hasSize(300);
        assertThat(e.getMessage()).contains("has 300 problems", "... and 200 more");
        assertThat(e.getMessage().lines()).hasSize(102);
    }

    @Test
    void tooManyGainsDoNotAlsoReportEveryRequestAsDangling() {
        Limits few = new Limits(1 << 20, 32, 1000, 10, 10, 10, 10, 10, 3);
        InvalidInstanceException e = catchThrowableOfType(InvalidInstanceException.class,
                () -> new InstanceReader(CatalogSource.EMPTY, few).read(InstanceReaderTest.handText()));
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("/topology");
            assertThat(v.problem()).contains("channel gains, more than the limit of 3");
        });
    }

    // ------------------------------------------------------------------ plans

    @Test
    void badPlansAreInvalidPlanExceptionsWithPaths() {
        InvalidPlanException e = catchThrowableOfType(InvalidPlanException.class,
                () -> PlanJson.read("{\"meiplanPlan\": \"1\", \"solves\": [{\"stage\": \"caching\", \"status\": \"OPTIMAL\","
                        + " \"nodes\": 9223372036854775808}]}", null));
        assertThat(e).isNotNull();
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("/solves/0/nodes");
            assertThat(v.problem()).contains("must be between 0 and 9223372036854775807");
        });
        assertThat(catchThrowableOfType(InvalidPlanException.class, () -> PlanJson.read("[1, 2", null)).getMessage())
                .startsWith("The plan").contains("not valid JSON");
    }

    // ------------------------------------------------------------------ suggestions

    @Test
    void theDeletionHashesAreTheHashesOfTheDeletedStrings() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n = 0; n < 200; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append((char) ('a' + random.nextInt(5)));
            }
            String s = text.toString();
            int[] hashes = Suggestions.variants(s);
            assertThat(hashes[0]).isEqualTo(s.hashCode());
            for (int i = 0; i < s.length(); i++) {
                assertThat(hashes[i + 1]).isEqualTo((s.substring(0, i) + s.substring(i + 1)).hashCode());
            }
        }
    }

    @Test
    void theBandedDistanceAgreesWithTheFullOneWithinItsBand() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n = 0; n < 2_000; n++) {
            String a = word(random);
            String b = word(random);
            int full = Suggestions.bounded(a, b, 100);
            for (int k = 0; k < 5; k++) {
                assertThat(Suggestions.bounded(a, b, k)).isEqualTo(full <= k ? full : k + 1);
            }
        }
    }

    static String word(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(9); i > 0; i--) {
            text.append((char) ('a' + random.nextInt(3)));
        }
        return text.toString();
    }

    @Test
    void aLargeSetStillSuggestsNearIds() {
        List<String> ids = java.util.stream.IntStream.range(0, 20_000).mapToObj(i -> "ue-" + i).toList();
        Suggestions suggestions = new Suggestions(ids);
        assertThat(suggestions.nearest("ue-1234x")).isEqualTo("ue-1234");   // one insertion
        assertThat(suggestions.nearest("UE-19999")).isEqualTo("ue-19999");  // case only
        assertThat(suggestions.nearest("ue-1a34")).isEqualTo("ue-134");     // ue-134 and ue-1034: the earliest tie
        assertThat(suggestions.nearest("ue-1a345")).isEqualTo("ue-1345");   // before ue-10345
        assertThat(suggestions.nearest("bs-nowhere-near")).isNull();
        assertThat(suggestions.nearest("x".repeat(10_000))).isNull();
    }

    @Test
    void twentyThousandDanglingIdsAreReportedEachWithItsSuggestion() {
        ObjectNode root = hand();
        ArrayNode users = at(root, "/topology").withArray("users");
        ArrayNode requests = at(root, "/workload").withArray("requests");
        for (int i = 0; i < 20_000; i++) {
            users.addObject().put("id", "ue-" + i).put("device", "dev").put("site", "s1").putObject("gains").put("s1", 1e-10);
            requests.addObject().put("id", "q" + i).put("user", "ue-" + i + "x").put("variant", "toy-p2")
                    .put("promptTokens", 1).put("outputTokens", 1).put("latency", 1);
        }
        InvalidInstanceException e = catchThrowableOfType(InvalidInstanceException.class,
                () -> new InstanceReader().read(root.toString()));
        assertThat(e.violations()).hasSize(20_000);
        assertThat(e.violations().get(17).hint()).isEqualTo("Did you mean \"ue-17\"?");
    }
}
