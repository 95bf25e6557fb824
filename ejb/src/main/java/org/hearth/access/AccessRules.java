package org.hearth.access;

/**
 * The two rules that say which families a staff member works with, each written once, with its JPQL form (the
 * services) and its SQL form (the reports and the benchmark's floors) side by side, so that a change to one is
 * made to the other in the same place. {@code AccessRulesPostgresTest} runs both forms on the same data.
 *
 * <ul>
 *   <li><b>Caseload</b>: a family is on a counselor's caseload today when the counselor is its primary counselor
 *       now, or covers it today: a covering assignment not ended, that started on or before today and ends on or
 *       after today (or has no end). Today is the clinic's date ({@link org.hearth.time.ClinicClock}).
 *   <li><b>Program</b>: a family is in a staff member's programs when its program is one they work in.
 * </ul>
 *
 * <p>Each method takes the alias of the family and the expressions for the counselor's id, today and the program
 * ids (a named parameter, a positional one, or a column of the enclosing query).
 */
public final class AccessRules {

    private AccessRules() {}

    /** The rules in JPQL over the entities. */
    public static final class Jpql {

        private Jpql() {}

        /**
         * Family {@code family} is on the caseload of counselor {@code counselor} on {@code today}: written as the set
         * of the counselor's families (primary, then covering), which the database reads first through its
         * indexes, not every family tested one by one.
         */
        public static String onCaseload(String family, String counselor, String today) {
            return family + ".id in (select primaryFamily.id from Family primaryFamily where"
                    + " primaryFamily.primaryCounselor.id = " + counselor + " union select covering.family.id from"
                    + " Assignment covering where covering.counselor.id = " + counselor + " and "
                    + coveringInForce("covering", today) + ")";
        }

        /**
         * The same rule for a counselor that varies with each row of the enclosing query (a column such as
         * {@code s.id}), as a join condition: tested per family, where the set form would be built per row.
         */
        public static String onCaseloadOf(String family, String counselor, String today) {
            return "(" + family + ".primaryCounselor.id = " + counselor + " or exists (select covering.id from"
                    + " Assignment covering where covering.family = " + family + " and covering.counselor.id = "
                    + counselor + " and " + coveringInForce("covering", today) + "))";
        }

        /** Assignment {@code assignment} is a covering one in force on {@code today}. */
        public static String coveringInForce(String assignment, String today) {
            return assignment + ".kind = org.hearth.family.AssignmentKind.COVERING and " + assignment
                    + ".endedAt is null and " + assignment + ".startsOn <= " + today + " and (" + assignment
                    + ".endsOn is null or " + assignment + ".endsOn >= " + today + ")";
        }

        /** Family {@code family} is of one of the programs {@code programs} (a collection of ids). */
        public static String inPrograms(String family, String programs) {
            return family + ".program.id in " + programs;
        }
    }

    /** The rules in PostgreSQL over the tables. */
    public static final class Sql {

        private Sql() {}

        /** Family {@code family} (a {@code family} row) is on the caseload of {@code counselor} on {@code today}. */
        public static String onCaseload(String family, String counselor, String today) {
            return family + ".id in (select primary_family.id from family primary_family where"
                    + " primary_family.primary_counselor_id = " + counselor + " union select covering.family_id from"
                    + " family_assignment covering where covering.counselor_id = " + counselor + " and "
                    + coveringInForce("covering", today) + ")";
        }

        /** Assignment {@code assignment} (a {@code family_assignment} row) is a covering one in force on {@code today}. */
        public static String coveringInForce(String assignment, String today) {
            return assignment + ".kind = 'COVERING' and " + assignment + ".ended_at is null and " + assignment
                    + ".starts_on <= " + today + " and (" + assignment + ".ends_on is null or " + assignment
                    + ".ends_on >= " + today + ")";
        }

        /** Family {@code family} is of one of the programs {@code programs} (a {@code bigint[]}). */
        public static String inPrograms(String family, String programs) {
            return family + ".program_id = any(" + programs + ")";
        }
    }
}
