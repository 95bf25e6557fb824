package org.hearth.staff;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules of program names and of changing whom a program has, apart from the database so they can be
 * checked alone: what a new set of programs adds and removes, and when two names are the same program's.
 */
public final class ProgramMembership {

    /**
     * What a program name may hold: a letter somewhere, and letters, digits, spaces and the punctuation of
     * ordinary names ({@code - & , . ( ) / '}); nothing that reads as markup or a statement.
     */
    public static final String NAME_PATTERN = "(?=.*\\p{L})[\\p{L}\\p{N}\\s.,&()/'’-]+";

    private ProgramMembership() {}

    /** What replacing the programs {@code current} by {@code wanted} changes, each list in the order given. */
    public record Change(List<Long> added, List<Long> removed) {

        public boolean isNone() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    public static Change between(Collection<Long> current, Collection<Long> wanted) {
        Set<Long> now = new LinkedHashSet<>(current);
        Set<Long> then = new LinkedHashSet<>(wanted);
        return new Change(
                then.stream().filter(id -> !now.contains(id)).toList(),
                now.stream().filter(id -> !then.contains(id)).toList());
    }

    /** A program's name as it is kept: no spaces around it, one space between words; null when blank. */
    public static String normalizedName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.strip().replaceAll("\\s+", " ");
    }

    /** Whether two names would read as the same program in a menu: the same words, whatever their case. */
    public static boolean sameName(String one, String other) {
        String a = normalizedName(one);
        String b = normalizedName(other);
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
