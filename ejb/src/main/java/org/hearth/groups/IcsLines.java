package org.hearth.groups;

import java.nio.charset.StandardCharsets;

/** RFC 5545 content lines: text values escaped, lines folded at 75 octets without splitting a character. */
public final class IcsLines {

    public static final String CRLF = "\r\n";
    private static final int LINE_OCTETS = 75;

    private IcsLines() {}

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 section 3.3.11). */
    public static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** The line folded: at most 75 octets each, continuation lines starting with one space (section 3.1). */
    public static String fold(String line) {
        StringBuilder folded = new StringBuilder();
        int octets = 0;
        int limit = LINE_OCTETS;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                folded.append(CRLF).append(' ');
                octets = 0;
                limit = LINE_OCTETS - 1;
            }
            folded.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }
}
