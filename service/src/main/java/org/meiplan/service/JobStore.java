package org.meiplan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Jobs on disk under {@code DIR/jobs/ID/}: {@code instance.json} (the instance as submitted, or as
 * patched for a replan) and {@code job.json} (kind, parent, options, time) written before the
 * job is acknowledged, {@code result.json} (the final job document with its plan) when it ends.
 * Every file is written to a temporary sibling, forced to disk and renamed into place, so a
 * crash leaves either the old file or the new one. Ids are checked against a strict pattern
 * before they become file names.
 */
final class JobStore {
    static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path jobs;

    JobStore(Path dataDir) throws IOException {
        this.jobs = dataDir.resolve("jobs");
        Files.createDirectories(jobs);
    }

    /** Records an accepted job: its instance first, then the job file that marks it as existing. */
    void accept(String id, JsonNode instance, ObjectNode job) {
        try {
            Path dir = dir(id);
            Files.createDirectories(dir);
            write(dir.resolve("instance.json"), Json.compact(instance));
            write(dir.resolve("job.json"), Json.compact(job));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void finish(String id, ObjectNode document) {
        try {
            write(dir(id).resolve("result.json"), Json.compact(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result document of a finished job, or null when it cannot be read. */
    ObjectNode result(String id) {
        return readObject(dir(id).resolve("result.json"));
    }

    JsonNode instance(String id) throws IOException {
        return Json.MAPPER.readTree(Files.readString(dir(id).resolve("instance.json"), StandardCharsets.UTF_8));
    }

    void delete(String id) {
        Path dir = dir(id);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Leaves the files: a later start serves the job again, which loses nothing.
        }
    }

    /** A stored job: the job file and, when it finished, its result document. */
    record Stored(String id, ObjectNode job, ObjectNode result) {
    }

    /** Every job on disk with a readable job file, oldest first; half-written directories are skipped. */
    List<Stored> load() throws IOException {
        List<Stored> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(jobs)) {
            for (Path dir : dirs) {
                String id = dir.getFileName().toString();
                if (!ID.matcher(id).matches() || !Files.isRegularFile(dir.resolve("job.json"))) {
                    continue;
                }
                ObjectNode job = readObject(dir.resolve("job.json"));
                if (job == null) {
                    continue;
                }
                ObjectNode result = Files.isRegularFile(dir.resolve("result.json")) ? readObject(dir.resolve("result.json")) : null;
                found.add(new Stored(id, job, result));
            }
        }
        found.sort(Comparator.comparing((Stored s) -> s.job().path("submitted").asText()).thenComparing(Stored::id));
        return found;
    }

    private static ObjectNode readObject(Path file) {
        try {
            JsonNode node = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return node instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Path dir(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a job id");
        }
        return jobs.resolve(id);
    }

    /** Writes through a forced temporary sibling and an atomic rename. */
    static void write(Path file, String text) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
