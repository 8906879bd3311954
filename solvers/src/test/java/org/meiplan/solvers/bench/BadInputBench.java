package org.meiplan.solvers.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.meiplan.datasets.catalog.BuiltinCatalog;
import org.meiplan.datasets.fuzz.FuzzCorpus;
import org.meiplan.datasets.fuzz.JsonMutator;
import org.meiplan.datasets.generate.ScenarioGenerator;
import org.meiplan.datasets.generate.Size;
import org.meiplan.models.io.InstanceReader;
import org.meiplan.models.io.InvalidInstanceException;

/**
 * The bad-input figures, measured in one process with a baseline from the same run:
 * <ul>
 * <li>20,000 dangling user ids against 20,000 users: the reader's near-linear "did you mean"
 * against the former full scan (every known id by full Levenshtein distance, timed on the first
 * 1,000 queries and scaled to 20,000 since it is linear in the queries), and against merely
 * parsing the text;
 * <li>a 250 MB file of numbers: time until the reader refuses it (the streaming token count),
 * against one pass of Jackson's streaming parser over the same file;
 * <li>mutated instances read per second (the fuzzer's throughput).
 * </ul>
 * Run: {@code mvn -B -pl solvers -am -Pbench -DskipTests verify -Dbench.main=org.meiplan.solvers.bench.BadInputBench}
 * ({@code -Dbench.args=5} for the repetitions; medians are printed).
 */
public final class BadInputBench {

    private BadInputBench() {
    }

    public static void main(String[] args) throws IOException {
        int repetitions = Arrays.stream(args).filter(a -> a.matches("\\d+")).mapToInt(Integer::parseInt).findFirst()
                .orElse(5);
        InstanceReader reader = new InstanceReader(BuiltinCatalog.instance());
        String dangling = danglingIds(20_000);
        ObjectMapper mapper = new ObjectMapper();

        double[] parse = new double[repetitions];
        double[] read = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            long t0 = System.nanoTime();
            mapper.readTree(dangling);
            parse[r] = seconds(t0);
            t0 = System.nanoTime();
            try {
                reader.read(dangling);
                throw new IllegalStateException("the dangling ids were accepted");
            } catch (InvalidInstanceException e) {
                if (e.violations().size() != 20_000 || !e.violations().get(5).hint().contains("Did you mean")) {
                    throw new IllegalStateException("unexpected violations: " + e.violations().size());
                }
            }
            read[r] = seconds(t0);
        }
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            known.add("ue-" + i);
        }
        long t0 = System.nanoTime();
        int found = 0;
        for (int i = 0; i < 1_000; i++) {
            found += fullScanNearest("ue-" + i + "x", known) != null ? 1 : 0;
        }
        double fullScan = seconds(t0) * 20;
        System.out.printf(Locale.ROOT, "20,000 dangling ids: parse only %.3f s, read with suggestions %.3f s (median of %d);"
                + " former full scan %.1f s (1,000 queries x 20, %d found); ratio %.0fx%n", median(parse), median(read),
                repetitions, fullScan, found, fullScan / median(read));

        Path numbers = Files.createTempFile("meiplan-numbers", ".json");
        try {
            writeNumbers(numbers, 250L << 20);
            double[] refuse = new double[repetitions];
            double[] stream = new double[repetitions];
            for (int r = 0; r < repetitions; r++) {
                t0 = System.nanoTime();
                try (var parser = mapper.getFactory().createParser(numbers.toFile())) {
                    while (parser.nextToken() != null) {
                        // count nothing: the baseline is one streaming pass
                    }
                }
                stream[r] = seconds(t0);
                t0 = System.nanoTime();
                try {
                    reader.read(numbers);
                    throw new IllegalStateException("the 250 MB file was accepted");
                } catch (InvalidInstanceException e) {
                    if (r == 0) {
                        System.out.println("  " + e.violations().get(0));
                    }
                }
                refuse[r] = seconds(t0);
            }
            System.out.printf(Locale.ROOT, "250 MB of numbers (%d bytes): refused in %.3f s, one streaming pass over the"
                    + " whole file %.3f s (medians of %d)%n", Files.size(numbers), median(refuse), median(stream),
                    repetitions);
        } finally {
            Files.deleteIfExists(numbers);
        }

        List<FuzzCorpus.Entry> corpus = FuzzCorpus.entries();
        double[] rates = new double[repetitions];
        double[] validRates = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            t0 = System.nanoTime();
            int n = 2_000;
            for (int seed = 0; seed < n; seed++) {
                FuzzCorpus.Entry base = corpus.get(seed % corpus.size());
                try {
                    reader.read(JsonMutator.mutate(base.instanceJson(), seed).text());
                } catch (InvalidInstanceException e) {
                    // rejected with paths: the expected outcome of most mutants
                }
            }
            rates[r] = n / seconds(t0);
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                reader.read(corpus.get(i % corpus.size()).instanceJson(), "corpus");
            }
            validRates[r] = n / seconds(t0);
        }
        System.out.printf(Locale.ROOT, "mutated instances: %.0f per second (median of %d runs of 2,000); the unmutated"
                + " corpus %.0f per second%n", median(rates), repetitions, median(validRates));
    }

    /** An instance with {@code count} users and one request per user naming a user that does not exist. */
    static String danglingIds(int count) {
        ObjectNode root = ScenarioGenerator.generate("virtual-assistant", Size.TINY, 1).instance().deepCopy();
        ArrayNode users = (ArrayNode) root.at("/topology/users");
        ObjectNode template = (ObjectNode) users.get(0);
        ArrayNode requests = (ArrayNode) root.at("/workload/requests");
        ObjectNode request = (ObjectNode) requests.get(0);
        users.removeAll();
        requests.removeAll();
        for (int i = 0; i < count; i++) {
            users.add(template.deepCopy().put("id", "ue-" + i));
            requests.add(request.deepCopy().put("id", "r-" + i).put("user", "ue-" + i + "x"));
        }
        return root.toString();
    }

    /** The former search: every known id by full Levenshtein distance. */
    static String fullScanNearest(String name, List<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int distance = candidate.equalsIgnoreCase(name) ? 0
                    : levenshtein(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 4) ? best : null;
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** {"meiplan": "1", "topology": {"sites": [0.123456789, ...]}} of about {@code bytes} bytes. */
    static void writeNumbers(Path file, long bytes) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"meiplan\": \"1\", \"topology\": {\"sites\": [");
            long written = 0;
            for (long i = 0; written < bytes; i++) {
                String number = (i == 0 ? "" : ",") + (0.123456789 + i % 1000);
                out.write(number);
                written += number.length();
            }
            out.write("]}}");
        }
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
