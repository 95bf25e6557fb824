package org.hearth.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The audit chain's anchor: an append-only file, kept by the application's host and not by the database,
 * where the chain's head (its last number and hash) is written each time it has moved on. Whoever owns the
 * database can cut entries off the end of the chain and rewrite the head to match - the chain then checks out
 * in itself - but cannot reach this file: every (number, hash) it holds must still be in the chain, and the
 * chain must still reach the last number it holds.
 *
 * <p>A file rather than a keyed hash (an HMAC whose key lives outside the database): a key proves that an
 * entry or a head was written by the application, but a database owner who kept an earlier, genuinely signed
 * head can put it back after cutting the tail - only a record of how far the chain had come, held elsewhere,
 * shows that it once went further.
 *
 * <p>One line per anchor, {@code <number> <hash> <time>} (the time in ISO-8601, UTC), appended, forced to the
 * disk, never rewritten. In a cluster each node writes its own file; each is a witness of the one chain, and
 * any of them can be checked against it.
 */
public final class AuditAnchorFile {

    /** Where the server and {@code ./hearth verify-audit} look for the file. */
    public static final String VARIABLE = "HEARTH_AUDIT_ANCHOR_FILE";

    /** The same, as a system property (tests and the server's command line); it wins over the variable. */
    public static final String PROPERTY = "hearth.audit.anchor.file";

    private static final Pattern LINE = Pattern.compile("(\\d+) ([0-9a-f]{64}) (\\S+)");

    /** Enough of the file's end to hold its last line (a line is about 100 bytes). */
    private static final int TAIL = 4096;

    private final Path file;

    /** One anchored head: the chain had reached entry {@code seq}, whose hash was {@code hash}, at that time. */
    public record Anchor(long seq, String hash, Instant anchoredAt) {}

    /** The file cannot be read as anchors: the check cannot say anything about the chain's end. */
    public static final class Unreadable extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public AuditAnchorFile(Path file) {
        this.file = file;
    }

    /**
     * The file the server keeps: {@code hearth.audit.anchor.file}, else {@code HEARTH_AUDIT_ANCHOR_FILE}, else
     * {@code hearth/audit-anchor} in the server's data folder ({@code jboss.server.data.dir}); empty outside a
     * server when neither is set.
     */
    public static Optional<AuditAnchorFile> configured(Map<String, String> environment) {
        String named = System.getProperty(PROPERTY, environment.get(VARIABLE));
        if (named != null && !named.isBlank()) {
            return Optional.of(new AuditAnchorFile(Path.of(named.strip())));
        }
        String data = System.getProperty("jboss.server.data.dir");
        return data == null
                ? Optional.empty()
                : Optional.of(new AuditAnchorFile(Path.of(data, "hearth", "audit-anchor")));
    }

    public Path path() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /**
     * Appends the head when the chain has moved past the last anchor (or nothing is anchored yet), and forces
     * it to the disk; returns the anchor written. Nothing is written for an empty chain, nor when the head is
     * where it was - nor when it stands before the last anchor: the check then names what was cut, and the
     * file keeps saying how far the chain had come.
     */
    public synchronized Optional<Anchor> append(AuditChain.Head head, Instant now) throws IOException {
        if (head.lastSeq() <= 0) {
            return Optional.empty();
        }
        Optional<Anchor> last = last();
        if (last.isPresent() && head.lastSeq() <= last.get().seq()) {
            return Optional.empty();
        }
        boolean created = !Files.exists(file);
        if (created && file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Anchor anchor = new Anchor(head.lastSeq(), head.lastHash(), now);
        byte[] line = (anchor.seq() + " " + anchor.hash() + " " + anchor.anchoredAt() + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(
                        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileLock lock = channel.lock()) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (created) {
            forceFolder();
        }
        return Optional.of(anchor);
    }

    /** The last anchor written, read from the file's end; empty when the file is missing or empty. */
    public Optional<Anchor> last() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int length = (int) Math.min(size, TAIL);
            ByteBuffer tail = ByteBuffer.allocate(length);
            channel.read(tail, size - length);
            String text = new String(tail.array(), 0, tail.position(), StandardCharsets.US_ASCII).stripTrailing();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            String line = text.substring(text.lastIndexOf('\n') + 1);
            return Optional.of(parse(line, "its last line"));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
    }

    /**
     * Every anchor, in the order written (so by rising number), read as the stream is consumed; a line that is
     * not an anchor, or a number that does not rise, stops the reading with the line's number. Close the stream.
     */
    public Stream<Anchor> anchors() throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        AtomicLong lineNumber = new AtomicLong();
        AtomicLong previous = new AtomicLong();
        return reader.lines()
                .onClose(() -> {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .map(line -> {
                    long number = lineNumber.incrementAndGet();
                    Anchor anchor = parse(line, "line " + number);
                    if (anchor.seq() <= previous.get()) {
                        throw new Unreadable(
                                "the audit anchor file " + file + ", line " + number + ": entry " + anchor.seq()
                                        + " comes after entry " + previous.get() + " (anchors only ever rise)",
                                null);
                    }
                    previous.set(anchor.seq());
                    return anchor;
                });
    }

    private Anchor parse(String line, String where) {
        var match = LINE.matcher(line.strip());
        if (!match.matches()) {
            throw new Unreadable(
                    "the audit anchor file " + file + ", " + where + ": not \"<entry number> <hash> <time>\": " + line,
                    null);
        }
        try {
            return new Anchor(Long.parseLong(match.group(1)), match.group(2), Instant.parse(match.group(3)));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new Unreadable(
                    "the audit anchor file " + file + ", " + where + ": " + e.getMessage() + ": " + line, e);
        }
    }

    /** A new file's name is on the disk only once its folder is forced too. */
    private void forceFolder() {
        Path folder = file.toAbsolutePath().getParent();
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisSystem) {
            // some systems cannot open a folder; the file's own content is forced already
        }
    }
}
