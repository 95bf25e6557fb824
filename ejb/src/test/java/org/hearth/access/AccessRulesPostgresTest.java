package org.hearth.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import javax.sql.DataSource;
import org.hearth.report.ReportDatabase;
import org.hearth.report.ReportDataset;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The caseload and program rules of {@link AccessRules} in JPQL (through Hibernate, as the services run them) and
 * in SQL (as the reports and the benchmark's floors run them) name the same families, on one real PostgreSQL
 * migrated by the application's migrations.
 */
class AccessRulesPostgresTest {

    private static final LocalDate TODAY = LocalDate.of(2030, 6, 15);

    private static EntityManagerFactory persistence;

    @BeforeAll
    static void startPersistence() {
        DataSource application = ReportDatabase.dataSource();
        // the persistence unit's migration step looks its datasources up by name, as on the server
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, Datasources.class.getName());
        // no JSON column is read here; the server brings its own JSON binding
        System.setProperty("hibernate.type.json_format_mapper", NoJson.class.getName());
        // the local database's development passwords, as on a developer's machine
        System.setProperty("hearth.development", "true");
        persistence = Persistence.createEntityManagerFactory(
                "hearth",
                Map.of(
                        "jakarta.persistence.transactionType",
                        "RESOURCE_LOCAL",
                        "jakarta.persistence.nonJtaDataSource",
                        application,
                        "hibernate.connection.datasource",
                        application,
                        "hibernate.hbm2ddl.auto",
                        "none"));
    }

    @AfterAll
    static void stopPersistence() {
        if (persistence != null) {
            persistence.close();
        }
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        System.clearProperty("hibernate.type.json_format_mapper");
        System.clearProperty("hearth.development");
    }

    @Test
    void theCaseloadIsThePrimaryFamiliesAndThoseCoveredTodayInBothForms() {
        ReportDataset data = ReportDataset.inNewProgram();
        long counselor = data.counselor("Casey");
        long colleague = data.counselor("Robin");
        long primary = data.family(counselor, TODAY.minusYears(1));
        long coveredUntilToday = data.family(colleague, TODAY.minusYears(1));
        data.covering(coveredUntilToday, counselor, TODAY.minusDays(3), TODAY);
        long coveredOnlyToday = data.family(null, TODAY.minusYears(1));
        data.covering(coveredOnlyToday, counselor, TODAY, TODAY);
        long coveringEndedYesterday = data.family(colleague, TODAY.minusYears(1));
        data.covering(coveringEndedYesterday, counselor, TODAY.minusDays(5), TODAY.minusDays(1));
        long coveringStartsTomorrow = data.family(colleague, TODAY.minusYears(1));
        data.covering(coveringStartsTomorrow, counselor, TODAY.plusDays(1), null);
        long coveringWithdrawn = data.family(colleague, TODAY.minusYears(1));
        data.covering(coveringWithdrawn, counselor, TODAY.minusDays(2), null);
        sql("update family_assignment set ended_at = now(), ended_by = 'sam' where family_id = ?", coveringWithdrawn);
        data.family(colleague, TODAY.minusYears(1));

        Set<Long> expected = Set.of(primary, coveredUntilToday, coveredOnlyToday);
        assertThat(caseloadInJpql(counselor, TODAY)).isEqualTo(expected);
        assertThat(caseloadInCorrelatedJpql(counselor, TODAY)).isEqualTo(expected);
        assertThat(caseloadInSql(counselor, TODAY)).isEqualTo(expected);
    }

    @Test
    void aCoveringThatEndsTodayIsOffTheCaseloadTomorrowInBothForms() {
        ReportDataset data = ReportDataset.inNewProgram();
        long counselor = data.counselor("Casey");
        long primary = data.family(counselor, TODAY.minusYears(1));
        long covered = data.family(data.counselor("Robin"), TODAY.minusYears(1));
        data.covering(covered, counselor, TODAY.minusDays(3), TODAY);

        LocalDate tomorrow = TODAY.plusDays(1);
        assertThat(caseloadInJpql(counselor, tomorrow)).containsExactly(primary);
        assertThat(caseloadInCorrelatedJpql(counselor, tomorrow)).containsExactly(primary);
        assertThat(caseloadInSql(counselor, tomorrow)).containsExactly(primary);
    }

    @Test
    void theProgramRuleNamesTheFamiliesOfTheProgramsOnlyInBothForms() {
        ReportDataset mine = ReportDataset.inNewProgram();
        ReportDataset other = ReportDataset.inNewProgram();
        long counselor = mine.counselor("Casey");
        long first = mine.family(counselor, TODAY.minusYears(1));
        long second = mine.family(null, TODAY.minusYears(1));
        other.family(other.counselor("Robin"), TODAY.minusYears(1));

        List<Long> programs = List.of(mine.programId());
        assertThat(programFamiliesInJpql(programs)).isEqualTo(Set.of(first, second));
        assertThat(programFamiliesInSql(programs)).isEqualTo(Set.of(first, second));
    }

    private static Set<Long> caseloadInJpql(long counselor, LocalDate today) {
        return jpql(
                "select f.id from Family f where " + AccessRules.Jpql.onCaseload("f", ":counselor", ":today"),
                Map.of("counselor", counselor, "today", today));
    }

    private static Set<Long> caseloadInCorrelatedJpql(long counselor, LocalDate today) {
        return jpql(
                "select f.id from Family f where " + AccessRules.Jpql.onCaseloadOf("f", ":counselor", ":today"),
                Map.of("counselor", counselor, "today", today));
    }

    private static Set<Long> programFamiliesInJpql(List<Long> programs) {
        return jpql(
                "select f.id from Family f where " + AccessRules.Jpql.inPrograms("f", ":programs"),
                Map.of("programs", programs));
    }

    private static Set<Long> jpql(String query, Map<String, Object> parameters) {
        EntityManager em = persistence.createEntityManager();
        try {
            var typed = em.createQuery(query, Long.class);
            parameters.forEach(typed::setParameter);
            return new HashSet<>(typed.getResultList());
        } finally {
            em.close();
        }
    }

    private static Set<Long> caseloadInSql(long counselor, LocalDate today) {
        // positional, as the benchmark's floors bind it: the counselor twice, then today twice
        return sqlIds(
                "select f.id from family f where " + AccessRules.Sql.onCaseload("f", "?", "cast(? as date)"),
                counselor,
                counselor,
                today,
                today);
    }

    private static Set<Long> programFamiliesInSql(List<Long> programs) {
        return sqlIds("select f.id from family f where " + AccessRules.Sql.inPrograms("f", "?"), (Object)
                programs.toArray(Long[]::new));
    }

    private static Set<Long> sqlIds(String query, Object... parameters) {
        try (Connection connection = ReportDatabase.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Long[] ids) {
                    statement.setArray(i + 1, connection.createArrayOf("bigint", ids));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            Set<Long> ids = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in " + query, e);
        }
    }

    private static void sql(String statement, Object... parameters) {
        try (Connection connection = ReportDatabase.dataSource().getConnection();
                PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            prepared.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** No JSON mapping: the rules read no JSON column, and the test has no JSON binding provider. */
    public static class NoJson implements FormatMapper {

        @Override
        public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
            throw new UnsupportedOperationException("no JSON in the access rules' test");
        }

        @Override
        public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
            throw new UnsupportedOperationException("no JSON in the access rules' test");
        }
    }

    /** The server's two datasources, by their names, for a persistence unit started outside the server. */
    public static class Datasources implements InitialContextFactory {

        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return (Context) Proxy.newProxyInstance(
                    Context.class.getClassLoader(), new Class<?>[] {Context.class}, (proxy, method, arguments) -> {
                        if (method.getName().equals("lookup") && arguments[0] instanceof String name) {
                            if (name.endsWith("HearthMigrationDS")) {
                                return ReportDatabase.ownerDataSource();
                            }
                            if (name.endsWith("HearthDS")) {
                                return ReportDatabase.dataSource();
                            }
                            throw new NameNotFoundException(name);
                        }
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
