package org.meiplan.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.meiplan.datasets.catalog.BuiltinCatalog;
import org.meiplan.models.io.InstanceReader;

/**
 * The planning service for controllers outside the JVM: jobs over HTTP (submit, poll, stream
 * progress, stop, change and replan, evaluate), described by {@code /v1/openapi.json}. Planning
 * is the {@link org.meiplan.solvers.plan.Planner}'s; this class only serves it.
 *
 * <p>The HTTP server is the JDK's own ({@code com.sun.net.httpserver}, module
 * {@code jdk.httpserver}): no dependency to ship or patch, streaming responses for server-sent
 * events, and a handler model small enough that every limit (body size, queue, streams, token)
 * is visible here. Requests are handled on a fixed pool; planning runs on the job manager's own
 * threads, so a slow solve never blocks a poll.
 *
 * <pre>{@code
 * try (PlanningService service = PlanningService.start(ServiceConfig.defaults().withPort(0))) {
 *     URI base = service.uri();   // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class PlanningService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PlanningService.class.getName());

    static {
        // The JDK server waits forever for a slow request unless told otherwise (a slow-loris
        // client would hold a handler thread): 30 s to send a request. Responses (event streams) are not limited.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
    }

    private final ServiceConfig config;
    private final HttpServer server;
    private final ThreadPoolExecutor handlers;
    private final JobManager jobs;
    private final Api api;
    private final byte[] tokenDigest;

    private PlanningService(ServiceConfig config) throws IOException {
        this.config = config;
        this.tokenDigest = config.token() == null ? null : Exchange.digest(config.token());
        InstanceReader reader = new InstanceReader(BuiltinCatalog.instance());
        this.jobs = new JobManager(config, reader);
        this.api = new Api(config, reader, jobs, openApi());
        AtomicInteger count = new AtomicInteger();
        int threads = config.maxStreams() + 16;
        this.handlers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "meiplan-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        handlers.allowCoreThreadTimeOut(true);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(config.bind()), config.port()), 128);
        } catch (IOException e) {
            jobs.close();
            handlers.shutdownNow();
            throw e;
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a service: restores the jobs under the data directory, binds, and serves until closed.
     *
     * @throws IOException when the address cannot be bound or the data directory cannot be used
     */
    public static PlanningService start(ServiceConfig config) throws IOException {
        return new PlanningService(config);
    }

    /** The port the service listens on (the chosen one when the config said 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base address, e.g. {@code http://127.0.0.1:8080}. */
    public java.net.URI uri() {
        String host = server.getAddress().getAddress().getHostAddress();
        return java.net.URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    public ServiceConfig config() {
        return config;
    }

    private void handle(HttpExchange http) {
        Exchange ex = new Exchange(http, config.maxBodyBytes());
        try {
            ex.authorize(tokenDigest);
            api.route(ex);
        } catch (ApiException e) {
            reply(ex, e);
        } catch (IOException e) {
            // The client went away or sent a broken request; nothing to answer.
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.ERROR, "internal error on " + ex.method() + " " + ex.path(), e);
            reply(ex, new ApiException(500, "internal", "Internal error (a bug in meiplan); the server log has the details."));
        } finally {
            http.close();
        }
    }

    private static void reply(Exchange ex, ApiException e) {
        try {
            ex.sendError(e);
        } catch (IOException | RuntimeException ignored) {
            // Headers were already sent (a stream) or the client is gone: the connection closes.
        }
    }

    private static byte[] openApi() throws IOException {
        try (InputStream in = PlanningService.class.getResourceAsStream("service-openapi.json")) {
            if (in == null) {
                throw new IOException("the OpenAPI document is missing from the jar");
            }
            return in.readAllBytes();
        }
    }

    /** Stops listening, stops the running jobs (keeping their best plans) and leaves queued ones to be marked failed. */
    @Override
    public void close() {
        api.close();
        server.stop(0);
        jobs.close();
        handlers.shutdownNow();
    }
}
