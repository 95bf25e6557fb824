package org.hearth.family;

/** LIKE patterns from what a user typed: their % and _ are searched for, not used as wildcards. */
final class SearchPatterns {

    private SearchPatterns() {}

    /** A pattern matching any text that contains {@code typed} (PostgreSQL's default escape is the backslash). */
    static String containing(String typed) {
        return "%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
