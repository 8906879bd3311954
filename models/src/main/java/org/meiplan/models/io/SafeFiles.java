package org.meiplan.models.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writing output files the way command-line users expect.
 *
 * <ul>
 *   <li>A regular file (or a new one) is replaced atomically: the text goes to a temporary sibling that is renamed
 *       over the target, so a reader never sees half a file and a failure leaves the old file as it was.</li>
 *   <li>A new file gets the mode the user's umask gives ({@code 0644} under the usual {@code 022}); a file that
 *       exists keeps its mode.</li>
 *   <li>A symbolic link is followed: its target is replaced and the link stays a link.</li>
 *   <li>A FIFO, a character device ({@code /dev/stdout}) or another non-regular file is written through, in place:
 *       renaming over it would replace it with a plain file.</li>
 *   <li>A directory, a missing parent folder, a read-only folder or file are refused with a message naming the path,
 *       before anything is written: {@link #checkWritable} lets a command find out before it starts working.</li>
 * </ul>
 */
public final class SafeFiles {
    private SafeFiles() {
    }

    /**
     * Refuses an output path that cannot be written, with a message that names it: a directory, a missing or read-only
     * parent folder, a read-only file. Writes nothing.
     *
     * @throws FileSystemException with the path and the reason
     */
    public static void checkWritable(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory; give a file name");
        }
        if (Files.exists(file)) {
            if (!Files.isWritable(file)) {
                throw new FileSystemException(file.toString(), null, "is not writable (permission denied)");
            }
            if (!Files.isRegularFile(file)) {
                return; // a FIFO or a device such as /dev/stdout: written through
            }
        }
        Path target = resolveLinks(file);
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new FileSystemException(file.toString(), null, "its folder " + dir + " does not exist; create it first");
        }
        if (!Files.isWritable(dir)) {
            throw new FileSystemException(file.toString(), null, "its folder " + dir + " is not writable");
        }
    }

    /** Writes UTF-8 text to a file as the class comment says. */
    public static void write(String text, Path file) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8), file);
    }

    /** Writes bytes to a file as the class comment says. */
    public static void write(byte[] bytes, Path file) throws IOException {
        checkWritable(file);
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // a FIFO or a device (through links too): renaming over it would replace it with a plain file
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            return;
        }
        Path target = resolveLinks(file).toAbsolutePath();
        Set<PosixFilePermission> keep = null;
        if (Files.exists(target)) {
            PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (view != null) {
                keep = view.readAttributes().permissions();
            }
        }
        Path temp = null;
        try {
            // CREATE_NEW without permission attributes: the mode is 0666 less the umask, as for any new file.
            for (int attempt = 0; temp == null; attempt++) {
                Path candidate = target.resolveSibling("." + target.getFileName() + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".tmp");
                try (OutputStream out = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    temp = candidate;
                    out.write(bytes);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (attempt > 100) {
                        throw e;
                    }
                }
            }
            if (keep != null) {
                Files.setPosixFilePermissions(temp, keep);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The path with symbolic links followed (a dangling link gives the path it points to). */
    static Path resolveLinks(Path file) throws IOException {
        Path current = file;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops > 40) {
                throw new FileSystemException(file.toString(), null, "has too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(current);
            Path parent = current.toAbsolutePath().getParent();
            current = parent == null ? link : parent.resolve(link);
        }
        return Files.exists(current, LinkOption.NOFOLLOW_LINKS) ? current.toRealPath() : current;
    }
}
