package org.hearth.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The number of lines and the SHA-256 of bytes on their way through: a table's rows as {@code COPY} text (one row
 * per line) when written, and when read back to prove the file whole.
 */
final class LineDigest extends FilterOutputStream {

    private final MessageDigest digest = BackupManifest.digest();
    private long lines;

    /** Passes the bytes on to {@code out}, which it leaves open when closed (a zip file's entry). */
    LineDigest(OutputStream out) {
        super(out);
    }

    /** Counts and digests the whole stream, written nowhere. */
    static LineDigest of(InputStream in) throws IOException {
        LineDigest seen = new LineDigest(OutputStream.nullOutputStream());
        in.transferTo(seen);
        return seen;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        digest.update(bytes, offset, length);
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                lines++;
            }
        }
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    long lines() {
        return lines;
    }

    /** The SHA-256 of everything written, in hex; call it once, at the end. */
    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
