package org.meiplan.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.meiplan.service.PlanningService;
import org.meiplan.service.ServiceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code meiplan serve}: the planning service over HTTP, until interrupted (Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve planning as HTTP jobs for controllers outside the JVM: submit an instance, poll or"
                + " stream progress, stop a job and keep its best plan, submit changes for a warm replan,"
                + " evaluate plans. The API is at /v1/openapi.json (docs/service.md).",
                "Listens on loopback unless --bind says otherwise; stops on Ctrl-C (running jobs keep their best plan)."},
        footerHeading = "%nExamples:%n",
        footer = {"  meiplan serve --port 8080 --data /var/lib/meiplan",
                "  meiplan serve --bind 0.0.0.0 --token-file /etc/meiplan/token --queue 32 --concurrent 2"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep jobs under DIR: accepted instances and finished plans survive a restart.")
    Path data;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Require \"Authorization: Bearer TOKEN\" on every request, TOKEN being FILE's content.")
    Path tokenFile;

    @Option(names = "--queue", defaultValue = "16", paramLabel = "N",
            description = "Jobs that may wait for a solver; more are refused with 429 (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--concurrent", defaultValue = "1", paramLabel = "N",
            description = "Jobs solved at once (default: ${DEFAULT-VALUE}).")
    int concurrent;

    @Option(names = "--max-time-limit", defaultValue = "300", paramLabel = "SECONDS",
            description = "Longest time limit a job may ask for, s (default: ${DEFAULT-VALUE}).")
    double maxTimeLimit;

    @Option(names = "--max-body", defaultValue = "16777216", paramLabel = "BYTES",
            description = "Largest request body, bytes (default: ${DEFAULT-VALUE}, 16 MiB).")
    long maxBody;

    @Option(names = "--retain", defaultValue = "10000", paramLabel = "N",
            description = "Finished jobs kept; older ones are forgotten, on disk too (default: ${DEFAULT-VALUE}).")
    int retain;

    @Override
    public Integer call() throws Exception {
        ServiceConfig config = ServiceConfig.defaults().withBind(bind).withPort(port).withDataDir(data)
                .withQueue(queue, concurrent).withLimits(maxBody, maxTimeLimit, retain);
        if (tokenFile != null) {
            String token = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
            if (token.isEmpty()) {
                throw new IllegalArgumentException("--token-file " + tokenFile + " is empty; write a long random token into it.");
            }
            config = config.withToken(token.getBytes(StandardCharsets.UTF_8));
        }
        PrintWriter err = spec.commandLine().getErr();
        if (tokenFile == null && !InetAddress.getByName(bind).isLoopbackAddress()) {
            err.println("meiplan serve: warning: listening on " + bind + " without --token-file: anyone who can reach"
                    + " this address can submit jobs.");
        }
        PlanningService service;
        try {
            service = PlanningService.start(config);
        } catch (java.net.BindException e) {
            throw new IllegalArgumentException("cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "). Choose another --port or stop what uses it.");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "meiplan-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println("meiplan serve: listening on " + service.uri() + " (API: " + service.uri() + "/v1/openapi.json)"
                + (data == null ? "; jobs in memory only" : "; jobs kept under " + data));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stopped from inside the JVM (tests, an embedding program): close like Ctrl-C does.
            Runtime.getRuntime().removeShutdownHook(hook);
            service.close();
        }
        return ExitCode.OK;
    }
}
