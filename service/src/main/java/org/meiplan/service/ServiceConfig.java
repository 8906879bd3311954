package org.meiplan.service;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * How a {@link PlanningService} runs.
 *
 * @param bind the address to listen on (loopback unless told otherwise)
 * @param port the TCP port, 0 for any free one
 * @param dataDir where jobs are persisted, or {@code null} to keep them in memory only
 * @param token the bearer token every request must carry, or {@code null} for none
 * @param queue how many accepted jobs may wait for a solver thread
 * @param concurrent how many jobs are solved at once
 * @param maxBodyBytes the largest request body accepted, bytes
 * @param maxTimeLimitSeconds the largest time limit a job may ask for, s
 * @param defaultTimeLimitSeconds the time limit of a job that does not ask for one, s
 * @param retain how many finished jobs are kept (oldest forgotten first, on disk too)
 * @param maxStreams how many progress streams may be open at once
 */
public record ServiceConfig(String bind, int port, Path dataDir, byte[] token, int queue, int concurrent,
        long maxBodyBytes, double maxTimeLimitSeconds, double defaultTimeLimitSeconds, int retain, int maxStreams) {

    /** Loopback, port 8080, in memory, no token, queue 16, 1 concurrent solve, 16 MiB bodies, 300 s at most. */
    public static ServiceConfig defaults() {
        return new ServiceConfig("127.0.0.1", 8080, null, null, 16, 1, 16L << 20, 300.0, 60.0, 10_000, 32);
    }

    public ServiceConfig {
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException("--bind needs an address, e.g. --bind 127.0.0.1.");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port " + port + " is not a TCP port; use 0-65535 (0 picks a free one).");
        }
        if (token != null && token.length == 0) {
            throw new IllegalArgumentException("The token file is empty; write a long random token into it.");
        }
        token = token == null ? null : token.clone();
        if (queue < 0) {
            throw new IllegalArgumentException("--queue " + queue + " must be >= 0.");
        }
        if (concurrent < 1) {
            throw new IllegalArgumentException("--concurrent " + concurrent + " must be >= 1.");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("--max-body " + maxBodyBytes + " must be positive.");
        }
        if (!(maxTimeLimitSeconds > 0.0) || Double.isInfinite(maxTimeLimitSeconds)) {
            throw new IllegalArgumentException("--max-time-limit " + maxTimeLimitSeconds + " must be a positive number of seconds.");
        }
        if (!(defaultTimeLimitSeconds > 0.0)) {
            throw new IllegalArgumentException("the default time limit must be positive.");
        }
        defaultTimeLimitSeconds = Math.min(defaultTimeLimitSeconds, maxTimeLimitSeconds);
        if (retain < 1) {
            throw new IllegalArgumentException("--retain " + retain + " must be >= 1.");
        }
        if (maxStreams < 1) {
            throw new IllegalArgumentException("the number of progress streams must be >= 1.");
        }
    }

    public ServiceConfig withBind(String value) {
        return new ServiceConfig(value, port, dataDir, token, queue, concurrent, maxBodyBytes, maxTimeLimitSeconds,
                defaultTimeLimitSeconds, retain, maxStreams);
    }

    public ServiceConfig withPort(int value) {
        return new ServiceConfig(bind, value, dataDir, token, queue, concurrent, maxBodyBytes, maxTimeLimitSeconds,
                defaultTimeLimitSeconds, retain, maxStreams);
    }

    public ServiceConfig withDataDir(Path value) {
        return new ServiceConfig(bind, port, value, token, queue, concurrent, maxBodyBytes, maxTimeLimitSeconds,
                defaultTimeLimitSeconds, retain, maxStreams);
    }

    public ServiceConfig withToken(byte[] value) {
        return new ServiceConfig(bind, port, dataDir, value, queue, concurrent, maxBodyBytes, maxTimeLimitSeconds,
                defaultTimeLimitSeconds, retain, maxStreams);
    }

    public ServiceConfig withQueue(int size, int solves) {
        return new ServiceConfig(bind, port, dataDir, token, size, solves, maxBodyBytes, maxTimeLimitSeconds,
                defaultTimeLimitSeconds, retain, maxStreams);
    }

    public ServiceConfig withLimits(long bodyBytes, double maxTimeLimit, int keep) {
        return new ServiceConfig(bind, port, dataDir, token, queue, concurrent, bodyBytes, maxTimeLimit,
                defaultTimeLimitSeconds, keep, maxStreams);
    }

    @Override
    public byte[] token() {
        return token == null ? null : token.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceConfig c && bind.equals(c.bind) && port == c.port
                && java.util.Objects.equals(dataDir, c.dataDir) && Arrays.equals(token, c.token) && queue == c.queue
                && concurrent == c.concurrent && maxBodyBytes == c.maxBodyBytes
                && maxTimeLimitSeconds == c.maxTimeLimitSeconds && defaultTimeLimitSeconds == c.defaultTimeLimitSeconds
                && retain == c.retain && maxStreams == c.maxStreams;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(bind, port, dataDir, Arrays.hashCode(token), queue, concurrent, maxBodyBytes);
    }

    @Override
    public String toString() {
        return "ServiceConfig[bind=" + bind + ", port=" + port + ", dataDir=" + dataDir + ", token="
                + (token == null ? "none" : "set") + ", queue=" + queue + ", concurrent=" + concurrent + "]";
    }
}
