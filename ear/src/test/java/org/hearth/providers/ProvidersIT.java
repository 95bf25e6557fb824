package org.hearth.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.hearth.engagement.LevelOfCare;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.RunAs;
import org.hearth.testing.Sql;
import org.hearth.time.ClinicClock;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The treatment-provider directory in the real server and database: who may read and change it (refusals audited),
 * version conflicts, stale marking by the clinic's clock, the filters answered by the database, and the import of a
 * treatment-locator file, all or nothing.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class ProvidersIT {

    private static final Set<String> SUPERVISOR = Set.of("supervisor");
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> COUNSELOR = Set.of("counselor");
    private static final Set<String> FRONT_DESK = Set.of("front-desk");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(ProvidersIT.class);
    }

    @Inject
    private Providers providers;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    @AfterEach
    void backToTheSystemClock() {
        ClinicClock.travelTo(null);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static LocalDate today() {
        return new ClinicClock().today();
    }

    private static ProviderDetails details(
            String name, Set<LevelOfCare> levels, Set<Payment> payments, LocalDate confirmed) {
        return new ProviderDetails(
                name,
                "1 Main St",
                "Dayton",
                "OH",
                "45402",
                "(937) 555-0101",
                "https://clinic.example.org",
                levels,
                Set.of(OudMedication.METHADONE),
                payments,
                Set.of("en"),
                Set.of(),
                false,
                "Mon-Fri 8-4",
                5,
                confirmed,
                null);
    }

    private ProviderView created(String supervisor, ProviderDetails details) {
        return RunAs.user(supervisor, SUPERVISOR, () -> providers.create(details));
    }

    @Test
    void everyStaffRoleReadsTheDirectoryButOnlySupervisorsAndAdministratorsChangeItAndRefusalsAreAudited() {
        String name = unique("Riverbend");
        ProviderView entry = created(unique("sam"), details(name, Set.of(LevelOfCare.RESIDENTIAL), Set.of(), today()));
        String desk = unique("frida");
        String counselor = unique("carlos");

        for (var reader : List.of(List.of(desk, "front-desk"), List.of(counselor, "counselor"))) {
            ProviderPage page = RunAs.user(
                    reader.get(0),
                    Set.of(reader.get(1)),
                    () -> providers.search(
                            new ProviderQuery(name, null, null, null, null, null, null, false, true, 0, 10)));
            assertThat(page.rows()).extracting(ProviderView::name).containsExactly(name);
        }
        ProviderDetails changed = details(name + " (changed)", Set.of(), Set.of(), today());
        assertThatThrownBy(() -> RunAs.user(counselor, COUNSELOR, () -> providers.create(changed)))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() ->
                        RunAs.user(counselor, COUNSELOR, () -> providers.update(entry.id(), entry.version(), changed)))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> RunAs.user(desk, FRONT_DESK, () -> providers.retire(entry.id(), entry.version())))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> RunAs.user(desk, FRONT_DESK, () -> providers.previewImport("name1,city,state\n")))
                .isInstanceOf(EJBAccessException.class);

        assertThat(sql().query(
                                "select name, active from treatment_provider where id = cast(? as bigint)",
                                Long.toString(entry.id())))
                .containsExactly(List.of(name, "t"));
        assertThat(sql().query(
                                "select action, outcome, substr(reason, 1, 24) from audit_entry where username = ? order by seq",
                                counselor))
                .containsExactly(
                        List.of("READ_PROVIDERS", "ALLOWED", "listed 1: [" + entry.id() + "]"),
                        List.of("SERVICE_CALL", "DENIED", "Providers.create: requir"),
                        List.of("SERVICE_CALL", "DENIED", "Providers.update: requir"));
        assertThat(sql().query(
                                "select action, outcome, substr(reason, 1, 24) from audit_entry where username = ? order by seq",
                                desk))
                .containsExactly(
                        List.of("READ_PROVIDERS", "ALLOWED", "listed 1: [" + entry.id() + "]"),
                        List.of("SERVICE_CALL", "DENIED", "Providers.retire: requir"),
                        List.of("SERVICE_CALL", "DENIED", "Providers.previewImport:"));

        String admin = unique("ada");
        ProviderView renamed = RunAs.user(admin, ADMIN, () -> providers.update(entry.id(), entry.version(), changed));
        assertThat(renamed.name()).isEqualTo(name + " (changed)");
        assertThat(sql().query("select action, entity_id from audit_entry where username = ?", admin))
                .containsExactly(List.of("CHANGE_PROVIDER", Long.toString(entry.id())));
    }

    @Test
    void aSecondEditorWhoReadTheOldVersionGetsAConflictNamingTheProviderAndNothingOfTheirsIsSaved() {
        String name = unique("Harbor Lights");
        ProviderView read = created(unique("sam"), details(name, Set.of(), Set.of(), today()));
        ProviderView first = RunAs.user(
                unique("sam"),
                SUPERVISOR,
                () -> providers.update(read.id(), read.version(), details(name + " A", Set.of(), Set.of(), today())));
        assertThat(first.version()).isGreaterThan(read.version());

        assertThatThrownBy(() -> RunAs.user(
                        unique("sofia"),
                        SUPERVISOR,
                        () -> providers.update(
                                read.id(), read.version(), details(name + " B", Set.of(), Set.of(), today()))))
                .isInstanceOfSatisfying(Conflict.class, stale -> {
                    assertThat(stale.getSubject()).isEqualTo(Conflict.Subject.STALE);
                    assertThat(stale.getRecord()).isEqualTo("provider");
                });
        assertThatThrownBy(() ->
                        RunAs.user(unique("sofia"), SUPERVISOR, () -> providers.retire(read.id(), read.version())))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> RunAs.user(unique("sofia"), SUPERVISOR, () -> providers.confirm(read.id(), null)))
                .isInstanceOf(Conflict.class);
        assertThat(sql().query(
                                "select name, active from treatment_provider where id = cast(? as bigint)",
                                Long.toString(read.id())))
                .containsExactly(List.of(name + " A", "t"));
    }

    @Test
    void badDetailsAreRefusedFieldByFieldAndNothingIsSaved() {
        String name = unique("Broken");
        ProviderDetails bad = new ProviderDetails(
                name,
                null,
                "Dayton",
                "Ohio",
                "4540",
                "555-12",
                "www.example.org",
                null,
                null,
                null,
                Set.of("xx"),
                null,
                false,
                null,
                400,
                today().plusDays(1),
                null);

        assertThatThrownBy(() -> RunAs.user(unique("sam"), SUPERVISOR, () -> providers.create(bad)))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.getReasons())
                        .extracting(Invalid.Reason::field)
                        .containsExactly(
                                "state", "zip", "phone", "website", "languages", "typicalWaitDays", "confirmedOn"));
        assertThat(sql().query("select id from treatment_provider where name = ?", name))
                .isEmpty();
    }

    @Test
    void anEntryIsMarkedStaleByTheClinicsTodayAndConfirmingItTodayClearsTheMark() {
        String name = unique("Stillwater");
        ProviderView entry = created(unique("sam"), details(name, Set.of(), Set.of(), today().minusDays(89)));
        assertThat(entry.stale()).isFalse();
        assertThat(search(new ProviderQuery(name, null, null, null, null, null, null, true, null, 0, 10))
                        .rows())
                .isEmpty();

        ClinicClock.travelTo(Clock.offset(Clock.systemUTC(), Duration.ofDays(1)));
        ProviderView tomorrow = RunAs.user(unique("frida"), FRONT_DESK, () -> providers.provider(entry.id()));
        assertThat(tomorrow.stale()).isTrue();
        assertThat(search(new ProviderQuery(name, null, null, null, null, null, null, true, null, 0, 10))
                        .rows())
                .extracting(ProviderView::id)
                .containsExactly(entry.id());

        ProviderView confirmed =
                RunAs.user(unique("ada"), ADMIN, () -> providers.confirm(entry.id(), tomorrow.version()));
        assertThat(confirmed.stale()).isFalse();
        assertThat(confirmed.confirmedOn()).isEqualTo(new ClinicClock().today());
        assertThat(confirmed.intakeHours()).isEqualTo("Mon-Fri 8-4");
    }

    @Test
    void filtersAndPagesAreAnsweredByTheDatabase() {
        String city = unique("Town");
        String sam = unique("sam");
        ProviderView detox = created(
                sam,
                inCity(
                        details(
                                "A detox " + city,
                                Set.of(LevelOfCare.WITHDRAWAL_MANAGEMENT),
                                Set.of(Payment.MEDICAID),
                                today()),
                        city));
        ProviderView otp = created(
                sam,
                inCity(
                        details(
                                "B methadone " + city,
                                Set.of(LevelOfCare.OPIOID_TREATMENT_PROGRAM),
                                Set.of(Payment.MEDICAID, Payment.SLIDING_FEE),
                                today()),
                        city));
        ProviderView retired = created(
                sam,
                inCity(
                        details(
                                "C retired " + city,
                                Set.of(LevelOfCare.OPIOID_TREATMENT_PROGRAM),
                                Set.of(Payment.MEDICAID),
                                today()),
                        city));
        RunAs.user(sam, SUPERVISOR, () -> providers.retire(retired.id(), retired.version()));

        ProviderPage inUse = search(new ProviderQuery(city, null, null, null, null, null, null, false, true, 0, 1));
        assertThat(inUse.total()).isEqualTo(2);
        assertThat(inUse.rows()).extracting(ProviderView::id).containsExactly(detox.id());
        assertThat(search(new ProviderQuery(city, null, null, null, null, null, null, false, true, 1, 1))
                        .rows())
                .extracting(ProviderView::id)
                .containsExactly(otp.id());
        assertThat(search(new ProviderQuery(
                                city,
                                LevelOfCare.OPIOID_TREATMENT_PROGRAM,
                                null,
                                null,
                                null,
                                null,
                                null,
                                false,
                                true,
                                0,
                                10))
                        .rows())
                .extracting(ProviderView::id)
                .containsExactly(otp.id());
        assertThat(search(new ProviderQuery(
                                city, null, null, Payment.SLIDING_FEE, null, null, null, false, null, 0, 10))
                        .rows())
                .extracting(ProviderView::id)
                .containsExactly(otp.id());
        assertThat(search(new ProviderQuery(city, null, null, null, null, null, null, false, false, 0, 10))
                        .rows())
                .extracting(ProviderView::id)
                .containsExactly(retired.id());
        assertThat(search(new ProviderQuery(
                                city,
                                null,
                                OudMedication.BUPRENORPHINE_MONO,
                                null,
                                null,
                                null,
                                null,
                                false,
                                null,
                                0,
                                10))
                        .total())
                .isZero();
        assertThat(search(new ProviderQuery(city, null, null, null, "es", null, null, false, null, 0, 10))
                        .total())
                .isZero();
        assertThat(search(new ProviderQuery(city.toUpperCase(), null, null, null, "en", null, null, false, null, 0, 10))
                        .total())
                .isEqualTo(3);
    }

    @Test
    void anUnknownProviderIsRefusedAsEveryUnknownIdIs() {
        assertThatThrownBy(() -> RunAs.user(unique("frida"), FRONT_DESK, () -> providers.provider(Long.MAX_VALUE)))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void aFileWithABadRowImportsNothingAndAGoodFileCreatesThenUpdatesKeepingWhatOnlyHearthKnows() {
        String prefix = unique("T");
        String sam = unique("sam");
        String good = locatorFile(prefix, false);
        String bad = locatorFile(prefix, true);

        ImportPreview refused = RunAs.user(sam, SUPERVISOR, () -> providers.previewImport(bad));
        assertThat(refused.importable()).isFalse();
        assertThat(refused.rows())
                .extracting(ImportRow::action)
                .containsExactly(ImportRow.Action.CREATE, ImportRow.Action.ERROR, ImportRow.Action.CREATE);
        assertThat(refused.rows().get(1).problems())
                .extracting(ImportProblem::row, ImportProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "zip"));
        assertThatThrownBy(() -> RunAs.user(sam, SUPERVISOR, () -> providers.importProviders(bad)))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.getReasons())
                        .extracting(Invalid.Reason::field)
                        .containsExactly("row 3, zip"));
        assertThat(sql().query("select id from treatment_provider where locator_id like ?", prefix + "%"))
                .isEmpty();

        ImportPreview preview = RunAs.user(sam, SUPERVISOR, () -> providers.previewImport(good));
        assertThat(preview.importable()).isTrue();
        assertThat(preview.creates()).isEqualTo(3);
        ImportResult first = RunAs.user(sam, SUPERVISOR, () -> providers.importProviders(good));
        assertThat(first.created()).isEqualTo(3);
        long riverbend = first.providerIds().get(0);
        ProviderView imported = RunAs.user(sam, SUPERVISOR, () -> providers.provider(riverbend));
        assertThat(imported.locatorId()).isEqualTo(prefix + "-1");
        assertThat(imported.levelsOfCare()).containsExactly(LevelOfCare.WITHDRAWAL_MANAGEMENT, LevelOfCare.RESIDENTIAL);
        assertThat(imported.payments()).containsExactly(Payment.MEDICAID, Payment.SLIDING_FEE);
        assertThat(imported.languages()).containsExactly("en", "es");
        ProviderDetails withWait = new ProviderDetails(
                imported.name(),
                imported.street(),
                imported.city(),
                imported.state(),
                imported.zip(),
                imported.phone(),
                imported.website(),
                Set.copyOf(imported.levelsOfCare()),
                Set.of(),
                Set.copyOf(imported.payments()),
                Set.copyOf(imported.languages()),
                Set.of(),
                false,
                "Walk-ins 8-10",
                3,
                today().minusDays(30),
                "Ask for Dana");
        RunAs.user(sam, SUPERVISOR, () -> providers.update(riverbend, imported.version(), withWait));

        ImportPreview again = RunAs.user(sam, SUPERVISOR, () -> providers.previewImport(good));
        assertThat(again.rows()).extracting(ImportRow::action).containsOnly(ImportRow.Action.UPDATE);
        assertThat(again.rows().get(0).providerId()).isEqualTo(riverbend);
        ImportResult second = RunAs.user(sam, SUPERVISOR, () -> providers.importProviders(good));
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isEqualTo(3);
        ProviderView updated = RunAs.user(sam, SUPERVISOR, () -> providers.provider(riverbend));
        assertThat(updated.intakeHours()).isEqualTo("Walk-ins 8-10");
        assertThat(updated.typicalWaitDays()).isEqualTo(3);
        assertThat(updated.notes()).isEqualTo("Ask for Dana");
        assertThat(updated.confirmedOn()).isEqualTo(today());
        assertThat(sql().query("select count(*) from treatment_provider where locator_id like ?", prefix + "%"))
                .containsExactly(List.of("3"));
        assertThat(sql().query(
                                "select action, outcome, substr(reason, 1, 22) from audit_entry where username = ?"
                                        + " and action in ('PREVIEW_PROVIDER_IMPORT', 'IMPORT_PROVIDERS') order by seq",
                                sam))
                .containsExactly(
                        List.of("PREVIEW_PROVIDER_IMPORT", "ALLOWED", "rows 3: create 2, upda"),
                        List.of("PREVIEW_PROVIDER_IMPORT", "ALLOWED", "rows 3: create 3, upda"),
                        List.of("IMPORT_PROVIDERS", "ALLOWED", "created 3, updated 0: "),
                        List.of("PREVIEW_PROVIDER_IMPORT", "ALLOWED", "rows 3: create 0, upda"),
                        List.of("IMPORT_PROVIDERS", "ALLOWED", "created 0, updated 3: "));
    }

    private ProviderPage search(ProviderQuery query) {
        return RunAs.user(unique("colin"), COUNSELOR, () -> providers.search(query));
    }

    private static ProviderDetails inCity(ProviderDetails d, String city) {
        return new ProviderDetails(
                d.name(),
                d.street(),
                city,
                d.state(),
                d.zip(),
                d.phone(),
                d.website(),
                d.levelsOfCare(),
                d.medications(),
                d.payments(),
                d.languages(),
                d.populations(),
                d.coOccurringCare(),
                d.intakeHours(),
                d.typicalWaitDays(),
                d.confirmedOn(),
                d.notes());
    }

    /** Three facilities in the locator's shape; {@code broken}: the second has a four-digit ZIP. */
    private static String locatorFile(String prefix, boolean broken) {
        return "locator_id,name1,name2,street1,street2,city,state,zip,phone,website,latitude,DT,RES,OTP,MM,MD,SF,SP,CO\n"
                + prefix + "-1,Riverbend " + prefix + ",,1200 Riverside Dr,,Dayton,OH,45402,(937) 555-0101,"
                + "https://riverbend.example.org,39.75,1,1,0,0,1,1,1,0\n"
                + prefix + "-2,Miami Valley OTP " + prefix + ",,455 Wayne Ave,Suite 2,Dayton,OH,"
                + (broken ? "4541" : "45410") + ",937-555-0102,,39.74,0,0,1,1,1,0,0,1\n"
                + prefix + "-3,Open Door " + prefix
                + ",Free Clinic,33 Jefferson St,,Dayton,oh,45402,,,,0,0,0,0,0,0,0,0\n";
    }
}
