package org.hearth.plans;

import java.util.List;
import java.util.Set;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;

/** Rows the ready-plan tests start from: directory entries, and a loved one's intake answers. */
public final class PlanTestData {

    private final Sql sql;

    public PlanTestData(Sql sql) {
        this.sql = sql;
    }

    /**
     * A directory entry confirmed {@code confirmedDaysAgo} days before the database's day, offering these levels,
     * payments, languages and medications (enum names); its id.
     */
    public long provider(
            String name,
            String city,
            int confirmedDaysAgo,
            boolean active,
            Integer typicalWaitDays,
            Set<String> levels,
            Set<String> payments,
            Set<String> languages,
            Set<String> medications) {
        long id = Long.parseLong(sql.query(
                        "insert into treatment_provider (name, city, state, phone, confirmed_on, active,"
                                + " typical_wait_days, created_by, created_at, updated_by, updated_at) values (?, ?, 'NY',"
                                + " '555-0100', current_date - cast(? as integer), cast(? as boolean), cast(? as integer),"
                                + " 'test', now(), 'test', now()) returning id",
                        name,
                        city,
                        Integer.toString(confirmedDaysAgo),
                        Boolean.toString(active),
                        typicalWaitDays == null ? null : typicalWaitDays.toString())
                .get(0)
                .get(0));
        insert("provider_level_of_care", "level_of_care", id, levels);
        insert("provider_payment", "payment", id, payments);
        insert("provider_language", "language", id, languages);
        insert("provider_medication", "medication", id, medications);
        return id;
    }

    private void insert(String table, String column, long provider, Set<String> values) {
        for (String value : values) {
            sql.update(
                    "insert into " + table + " (provider_id, " + column + ") values (cast(? as bigint), ?)",
                    Long.toString(provider),
                    value);
        }
    }

    /**
     * The episode (refusing) of a loved one of the family, using fentanyl, rated at intake on the six ASAM
     * dimensions as given: the episode's id. The family has no loved one yet.
     */
    public long episodeOf(long familyId, String counselor, int... asam) {
        String family = Long.toString(familyId);
        String episode = new TestData(sql)
                .episode(familyId)
                .by(counselor)
                .lovedOne("R.", "SON_OR_DAUGHTER")
                .insert();
        sql.update(
                "update loved_one set asam_d1 = cast(? as integer), asam_d2 = cast(? as integer), asam_d3 = cast(? as"
                        + " integer), asam_d4 = cast(? as integer), asam_d5 = cast(? as integer), asam_d6 = cast(? as"
                        + " integer) where family_id = cast(? as bigint)",
                Integer.toString(asam[0]),
                Integer.toString(asam[1]),
                Integer.toString(asam[2]),
                Integer.toString(asam[3]),
                Integer.toString(asam[4]),
                Integer.toString(asam[5]),
                family);
        sql.update(
                "insert into loved_one_substance (loved_one_id, substance) select id, 'FENTANYL' from loved_one"
                        + " where family_id = cast(? as bigint)",
                family);
        return Long.parseLong(episode);
    }

    public List<List<String>> query(String statement, String... parameters) {
        return sql.query(statement, parameters);
    }
}
