package org.meiplan.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded load test on loopback: 200 submissions from 20 client threads against a small queue
 * (16 waiting, 2 solving), tiny instances, 0.3 s time limits, persistence on. Clients honour 429 with
 * Retry-After. Checks: no 5xx, every accepted job ends done with a plan (none lost), the queue limit
 * answered with 429, heap after GC bounded. Prints its figures (and writes them to
 * target/service-load.txt). Run with {@code mvn -B -pl service -am verify -Pslow -Dtest=ServiceLoadTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
class ServiceLoadTest {
    static final int CLIENTS = 20;
    static final int PER_CLIENT = 10;

    @Test
    void twoHundredSubmissionsFromTwentyClients(@TempDir Path data) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ServiceConfig config = ServiceConfig.defaults().withPort(0).withDataDir(data).withQueue(16, 2);
        try (PlanningService service = PlanningService.start(config)) {
            Client client = new Client(service.uri(), null);
            ObjectNode body = Client.MAPPER.createObjectNode();
            body.set("instance", Client.MAPPER.readTree(Client.edgeTiny()));
            body.set("options", Client.MAPPER.readTree("{\"timeLimit\": 0.3, \"seed\": 1}"));
            String text = Client.MAPPER.writeValueAsString(body);
            // Warm-up (native libraries, JIT) outside the measurement.
            client.await(client.post("/v1/plans", "application/json", text).json().get("id").asText());
            // Baseline in the same run: the same plan through the Java API, one at a time.
            org.meiplan.models.instance.Instance instance = new org.meiplan.models.io.InstanceReader(
                    org.meiplan.datasets.catalog.BuiltinCatalog.instance()).read(Client.edgeTiny());
            org.meiplan.solvers.plan.Planner planner = org.meiplan.solvers.plan.Planner.builder().timeLimitSeconds(0.3)
                    .seed(1).build();
            List<Long> direct = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                planner.plan(instance);
                direct.add((System.nanoTime() - t0) / 1_000_000);
            }
            Collections.sort(direct);
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();

            List<String> accepted = Collections.synchronizedList(new ArrayList<>());
            List<Long> submitMillis = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger serverErrors = new AtomicInteger();
            AtomicInteger otherErrors = new AtomicInteger();
            AtomicLong peakHeap = new AtomicLong();
            ConcurrentHashMap<String, Long> submittedAt = new ConcurrentHashMap<>();
            CountDownLatch done = new CountDownLatch(CLIENTS);
            Thread sampler = new Thread(() -> {
                while (done.getCount() > 0) {
                    peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long begin = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                Thread t = new Thread(() -> {
                    try {
                        for (int i = 0; i < PER_CLIENT; i++) {
                            while (true) {
                                long t0 = System.nanoTime();
                                Client.Reply r = client.post("/v1/plans", "application/json", text);
                                submitMillis.add((System.nanoTime() - t0) / 1_000_000);
                                if (r.status() == 202) {
                                    String id = r.json().get("id").asText();
                                    accepted.add(id);
                                    submittedAt.put(id, System.nanoTime());
                                    break;
                                }
                                if (r.status() >= 500) {
                                    serverErrors.incrementAndGet();
                                    break;
                                }
                                if (r.status() != 429) {
                                    otherErrors.incrementAndGet();
                                    break;
                                }
                                refused.incrementAndGet();
                                Thread.sleep(1000L * Long.parseLong(r.header("Retry-After")));
                            }
                        }
                    } catch (Exception e) {
                        otherErrors.incrementAndGet();
                    } finally {
                        done.countDown();
                    }
                });
                t.start();
            }
            done.await();
            List<Long> turnaround = new ArrayList<>();
            List<Long> solving = new ArrayList<>();
            int finished = 0;
            for (String id : accepted) {
                JsonNode job = client.await(id);
                if (job.get("status").asText().equals("done") && job.get("plan").isObject()) {
                    finished++;
                }
                turnaround.add(java.time.Duration.between(java.time.Instant.parse(job.get("submitted").asText()),
                        java.time.Instant.parse(job.get("finished").asText())).toMillis());
                solving.add(java.time.Duration.between(java.time.Instant.parse(job.get("started").asText()),
                        java.time.Instant.parse(job.get("finished").asText())).toMillis());
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            System.gc();
            long heapAfter = memory.getHeapMemoryUsage().getUsed();
            Collections.sort(turnaround);
            Collections.sort(solving);
            List<Long> submits = new ArrayList<>(submitMillis);
            Collections.sort(submits);
            long stored;
            try (var dirs = Files.list(data.resolve("jobs"))) {
                stored = dirs.filter(d -> Files.isRegularFile(d.resolve("result.json"))).count();
            }
            String figures = String.format(Locale.ROOT,
                    "service load: %d clients x %d submissions, queue %d + %d solving, edge-tiny, timeLimit 0.3 s%n"
                    + "  wall %.1f s; accepted %d, done with a plan %d, 429 answers %d, 5xx %d, other errors %d, results on disk %d%n"
                    + "  submit latency median %d ms, p95 %d ms; job turnaround median %d ms, p95 %d ms%n"
                    + "  solving time per job: service median %d ms (2 at once) vs Planner.plan alone median %d ms (20 runs, same"
                    + " process): ratio %.2f%n"
                    + "  heap used after GC: before %.1f MB, after %.1f MB (growth %.1f MB); peak sampled %.1f MB; max heap %.0f MB%n",
                    CLIENTS, PER_CLIENT, config.queue(), config.concurrent(), seconds, accepted.size(), finished,
                    refused.get(), serverErrors.get(), otherErrors.get(), stored,
                    submits.get(submits.size() / 2), submits.get((int) (submits.size() * 0.95)),
                    turnaround.get(turnaround.size() / 2), turnaround.get((int) (turnaround.size() * 0.95)),
                    solving.get(solving.size() / 2), direct.get(direct.size() / 2),
                    solving.get(solving.size() / 2) / (double) Math.max(1, direct.get(direct.size() / 2)),
                    heapBefore / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / 1e6, peakHeap.get() / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
            System.out.print(figures);
            Files.writeString(Path.of("target", "service-load.txt"), figures);

            assertThat(serverErrors.get()).isZero();
            assertThat(otherErrors.get()).isZero();
            assertThat(accepted).hasSize(CLIENTS * PER_CLIENT).doesNotHaveDuplicates();
            assertThat(finished).isEqualTo(accepted.size());
            assertThat(stored).isEqualTo(accepted.size() + 1L);
            assertThat(refused.get()).isPositive();
            assertThat(heapAfter - heapBefore).isLessThan(128L << 20);
        }
    }
}
