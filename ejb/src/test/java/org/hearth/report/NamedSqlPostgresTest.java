package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamedSqlPostgresTest {

    @Test
    void namedParametersBecomePlaceholdersAndPostgresCastsStayAsTheyAre() {
        NamedSql sql = NamedSql.of("select x::date from t where a = :from and b = :to and c = :from");

        assertThat(sql.toString()).isEqualTo("select x::date from t where a = ? and b = ? and c = ?");
    }
}
