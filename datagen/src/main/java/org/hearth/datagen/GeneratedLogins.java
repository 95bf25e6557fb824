package org.hearth.datagen;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Gives the generated staff of a database their Keycloak logins again: the local stack imports its realm afresh at
 * each start, so after {@code ./hearth run} over a database filled by {@code ./hearth generate} the launcher runs this
 * and frontdesk001, counselor001 ... sign in as before. Says nothing when the database has no generated staff, or they all have logins.
 */
public final class GeneratedLogins {

    private GeneratedLogins() {}

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out, System.err));
    }

    static int run(Map<String, String> environment, PrintStream out, PrintStream err) {
        String url = environment.getOrDefault("DB_URL", "jdbc:postgresql://localhost:15432/hearth");
        try (Connection connection = DriverManager.getConnection(
                url,
                environment.getOrDefault("DB_USER", "hearth_owner"),
                environment.getOrDefault("DB_PASSWORD", "hearth_owner"))) {
            var staff = GenerateData.generatedStaff(connection);
            if (staff.isEmpty()) {
                return 0;
            }
            RealmUsers realm = new RealmUsers(environment.getOrDefault("KEYCLOAK_URL", "http://localhost:8180"));
            if (!realm.reachable()) {
                err.println("Keycloak does not answer: the " + staff.size() + " generated staff have no logins.");
                return 1;
            }
            List<String> made = realm.added(staff);
            int added = made.size();
            if (added == 0) {
                return 0;
            }
            // a new Keycloak account has a new subject: the staff record, bound to the last realm's account at its
            // first sign-in, is bound again at the next one (as for a new staff member), not refused as another's
            try (PreparedStatement unbind = connection.prepareStatement("update staff_member set subject = null"
                    + " where username = any(?) and email like '%@bench.hearth.example'")) {
                unbind.setArray(1, connection.createArrayOf("varchar", made.toArray()));
                unbind.executeUpdate();
            }
            out.println("Keycloak: the database's " + staff.size() + " generated staff sign in again (" + added
                    + " logins made), as frontdesk001, counselor001, supervisor001 ... with the password "
                    + RealmUsers.PASSWORD + ".");
            return 0;
        } catch (SQLException | IOException e) {
            err.println("Could not give the generated staff their logins: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
