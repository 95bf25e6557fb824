package org.hearth.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL for tests that check what the server wrote, and set up what a test needs. Rows as strings. */
public final class Sql {

    /** Where connections come from: the server's datasource inside, the JDBC URL outside. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;

    public Sql(Connections connections) {
        this.connections = connections;
    }

    /** The test database of this run, from outside the server. */
    public static Sql testDatabase() {
        return new Sql(() -> DriverManager.getConnection(HearthStack.jdbcUrl(), "hearth", "hearth"));
    }

    public int update(String sql, String... parameters) {
        try (Connection connection = connections.open();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Runs a statement the database is expected to refuse (a trigger, a missing privilege): its message, or
     * {@code "accepted"} when it went through.
     */
    public String refusal(String statement) {
        try (Connection connection = connections.open();
                Statement s = connection.createStatement()) {
            s.execute(statement);
            return "accepted";
        } catch (SQLException refused) {
            return refused.getMessage();
        }
    }

    public List<List<String>> query(String sql, String... parameters) {
        try (Connection connection = connections.open();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            List<List<String>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(result.getString(c));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, String... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i]);
        }
        return statement;
    }
}
