package org.hearth.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.hearth.family.CaseAssignments;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.Refused;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.RunAs;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.hearth.time.ClinicClock;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Community resources (issue 25) in the real server and database: the directory kept by supervisors and read by
 * all (refusals audited, versions, fields named, "Needs checking" by the clinic's clock), and resources given to a
 * family by its counselor - another counselor, the front desk, a supervisor of another program refused; the family's
 * supervisor reads only; a member of another family and a retired entry refused; the neutral sheet printed.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class CommunityResourcesIT {

    private static final Set<String> SUPERVISOR = Set.of("supervisor");
    private static final Set<String> COUNSELOR = Set.of("counselor");
    private static final Set<String> FRONT_DESK = Set.of("front-desk");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(CommunityResourcesIT.class);
    }

    @Inject
    private CommunityResources directory;

    @Inject
    private ResourceGifts gifts;

    @Inject
    private FamilyRegistry registry;

    @Inject
    private CaseAssignments assignments;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String suffix;
    private String ana;
    private String ben;
    private String supervisor;
    private String otherSupervisor;
    private String desk;
    private long programId;
    private long familyId;
    private long rosa;
    private long luis;
    private LocalDate today;

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }

    @BeforeEach
    void aFamilyOfAnaWithTwoMembers() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Resources " + suffix;
        TestData data = new TestData(sql());
        programId = data.program(program);
        data.program("Elsewhere " + suffix);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        supervisor = data.staff("sup-" + suffix, "supervisor", program);
        otherSupervisor = data.staff("other-" + suffix, "supervisor", "Elsewhere " + suffix);
        desk = data.staff("desk-" + suffix, "front-desk");
        today = new ClinicClock().today();
        familyId = familyOf(ana, "Mendez");
        List<List<String>> members = sql().query(
                        "select id from family_member where family_id = cast(? as bigint) order by position",
                        Long.toString(familyId));
        rosa = Long.parseLong(members.get(0).get(0));
        luis = Long.parseLong(members.get(1).get(0));
    }

    private long familyOf(String counselor, String name) {
        FamilyContact family = RunAs.user(
                desk,
                FRONT_DESK,
                () -> registry.register(new NewFamily(
                        name + " " + suffix,
                        programId,
                        "es",
                        ReferralSource.SELF,
                        null,
                        List.of(
                                new NewFamilyMember(
                                        "Rosa " + name,
                                        null,
                                        47,
                                        Relationship.PARENT,
                                        null,
                                        null,
                                        "es",
                                        false,
                                        false,
                                        true),
                                new NewFamilyMember(
                                        "Luis " + name,
                                        null,
                                        50,
                                        Relationship.PARENT,
                                        null,
                                        null,
                                        "es",
                                        false,
                                        false,
                                        true)))));
        RunAs.user(supervisor, SUPERVISOR, () -> assignments.assignPrimary(family.id(), counselor, null));
        return family.id();
    }

    private ResourceDetails details(String name, ResourceKind kind, LocalDate confirmed) {
        return new ResourceDetails(
                name,
                kind,
                "A weekly meeting",
                "12 Elm St, Albany",
                "(518) 555-0147",
                "https://al-anon.org",
                "Tuesdays 7 pm",
                Set.of("en", "es"),
                ResourceSetting.IN_PERSON,
                confirmed);
    }

    private ResourceView created(String name, ResourceKind kind) {
        return RunAs.user(supervisor, SUPERVISOR, () -> directory.create(details(name, kind, today)));
    }

    @Test
    void everyRoleReadsTheDirectoryButACounselorCannotChangeItAndTheRefusalIsAudited() {
        String name = "Al-Anon Hope " + suffix;
        ResourceView entry = created(name, ResourceKind.FAMILY_MUTUAL_HELP);

        for (var reader : List.of(List.of(desk, "front-desk"), List.of(ana, "counselor"))) {
            ResourcePage page = RunAs.user(
                    reader.get(0),
                    Set.of(reader.get(1)),
                    () -> directory.search(new ResourceQuery(name, null, null, false, true, 0, 10)));
            assertThat(page.rows()).extracting(ResourceView::name).containsExactly(name);
        }
        ResourceDetails changed = details(name + " (changed)", ResourceKind.OTHER, today);
        assertThatThrownBy(
                        () -> RunAs.user(ana, COUNSELOR, () -> directory.update(entry.id(), entry.version(), changed)))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> RunAs.user(desk, FRONT_DESK, () -> directory.retire(entry.id(), entry.version())))
                .isInstanceOf(EJBAccessException.class);

        assertThat(sql().query(
                                "select name, kind, active from community_resource where id = cast(? as bigint)",
                                Long.toString(entry.id())))
                .containsExactly(List.of(name, "FAMILY_MUTUAL_HELP", "t"));
        assertThat(sql().query(
                                "select action, outcome, substr(reason, 1, 34) from audit_entry where username = ? order by seq",
                                ana))
                .containsExactly(
                        List.of("READ_RESOURCES", "ALLOWED", "listed 1: [" + entry.id() + "]"),
                        List.of("SERVICE_CALL", "DENIED", "CommunityResources.update: require"));
    }

    @Test
    void aSupervisorEditsAnEntryASecondEditorWithTheOldVersionGetsAConflictAndBadFieldsAreNamed() {
        ResourceView entry = created("Nar-Anon Serenity " + suffix, ResourceKind.FAMILY_MUTUAL_HELP);
        ResourceView edited = RunAs.user(
                supervisor,
                SUPERVISOR,
                () -> directory.update(
                        entry.id(),
                        entry.version(),
                        details("Nar-Anon Serenity Group " + suffix, ResourceKind.FAMILY_MUTUAL_HELP, today)));
        assertThat(edited.name()).isEqualTo("Nar-Anon Serenity Group " + suffix);
        assertThat(edited.version()).isGreaterThan(entry.version());

        assertThatThrownBy(() -> RunAs.user(
                        supervisor,
                        SUPERVISOR,
                        () -> directory.update(
                                entry.id(), entry.version(), details("Lost " + suffix, ResourceKind.OTHER, today))))
                .isInstanceOfSatisfying(Conflict.class, stale -> {
                    assertThat(stale.getSubject()).isEqualTo(Conflict.Subject.STALE);
                    assertThat(stale.getRecord()).isEqualTo("resource");
                });
        assertThatThrownBy(
                        () -> RunAs.user(supervisor, SUPERVISOR, () -> directory.retire(entry.id(), entry.version())))
                .isInstanceOf(Conflict.class);

        ResourceDetails bad = new ResourceDetails(
                " ",
                null,
                null,
                null,
                "555-01",
                "al-anon",
                null,
                Set.of("xx"),
                ResourceSetting.ONLINE,
                today.plusDays(1));
        assertThatThrownBy(() ->
                        RunAs.user(supervisor, SUPERVISOR, () -> directory.update(edited.id(), edited.version(), bad)))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.getReasons())
                        .extracting(Invalid.Reason::field)
                        .containsExactlyInAnyOrder("name", "kind", "phone", "website", "languages", "confirmedOn"));
        assertThat(RunAs.user(supervisor, SUPERVISOR, () -> directory
                        .resource(entry.id())
                        .name()))
                .as("nothing of the refused changes saved")
                .isEqualTo("Nar-Anon Serenity Group " + suffix);
    }

    @Test
    void anEntryNotConfirmedFor180DaysNeedsCheckingUntilASupervisorConfirmsItToday() {
        String name = "Naloxone pick-up " + suffix;
        ResourceView old = RunAs.user(
                supervisor,
                SUPERVISOR,
                () -> directory.create(details(name, ResourceKind.NALOXONE_PICKUP, today.minusDays(180))));
        ResourceView fresh = RunAs.user(
                supervisor,
                SUPERVISOR,
                () -> directory.create(details(name + " (2)", ResourceKind.NALOXONE_PICKUP, today.minusDays(179))));
        assertThat(old.needsChecking()).isTrue();
        assertThat(fresh.needsChecking()).isFalse();

        ResourcePage toCheck = RunAs.user(
                ana,
                COUNSELOR,
                () -> directory.search(new ResourceQuery(name, ResourceKind.NALOXONE_PICKUP, "es", true, true, 0, 10)));
        assertThat(toCheck.rows()).extracting(ResourceView::id).containsExactly(old.id());

        ResourceView confirmed = RunAs.user(supervisor, SUPERVISOR, () -> directory.confirm(old.id(), old.version()));
        assertThat(confirmed.confirmedOn()).isEqualTo(today);
        assertThat(confirmed.needsChecking()).isFalse();
    }

    @Test
    void theFamilysCounselorGivesTwoResourcesToTwoMembersAndTheRecordListsFourEventsNewestFirst() {
        ResourceView alAnon = created("Al-Anon " + suffix, ResourceKind.FAMILY_MUTUAL_HELP);
        ResourceView naloxone = created("Naloxone " + suffix, ResourceKind.NALOXONE_PICKUP);
        ResourceView crisis = created("Crisis line " + suffix, ResourceKind.CRISIS_LINE);

        RunAs.user(
                ana,
                COUNSELOR,
                () -> gifts.give(
                        familyId, new NewGift(List.of(crisis.id()), List.of(), today.minusDays(3), GivenHow.PHONE)));
        List<GiftView> made = RunAs.user(
                ana,
                COUNSELOR,
                () -> gifts.give(
                        familyId,
                        new NewGift(
                                List.of(alAnon.id(), naloxone.id()), List.of(rosa, luis), today, GivenHow.IN_SESSION)));
        assertThat(made).hasSize(4);

        List<GiftView> listed = RunAs.user(ana, COUNSELOR, () -> gifts.given(familyId));
        assertThat(listed).hasSize(5);
        assertThat(listed.get(4).resourceName()).as("the oldest last").isEqualTo("Crisis line " + suffix);
        assertThat(listed.get(4).memberName()).as("given to the whole family").isNull();
        assertThat(listed.subList(0, 4))
                .extracting(GiftView::resourceName, GiftView::memberName, GiftView::givenBy, GiftView::how)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "Al-Anon " + suffix, "Rosa Mendez", ana, GivenHow.IN_SESSION),
                        org.assertj.core.groups.Tuple.tuple(
                                "Al-Anon " + suffix, "Luis Mendez", ana, GivenHow.IN_SESSION),
                        org.assertj.core.groups.Tuple.tuple(
                                "Naloxone " + suffix, "Rosa Mendez", ana, GivenHow.IN_SESSION),
                        org.assertj.core.groups.Tuple.tuple(
                                "Naloxone " + suffix, "Luis Mendez", ana, GivenHow.IN_SESSION));
        assertThat(sql().query(
                                "select count(*) from audit_entry where action = 'GIVE_RESOURCES' and username = ?"
                                        + " and family_id = cast(? as bigint)",
                                ana,
                                Long.toString(familyId)))
                .isEqualTo(List.of(List.of("5")));

        byte[] sheet =
                RunAs.user(ana, COUNSELOR, () -> gifts.sheet(familyId, List.of(alAnon.id(), naloxone.id()), null));
        assertThat(new String(sheet, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        assertThat(sql().query(
                                "select reason from audit_entry where action = 'PRINT_RESOURCE_SHEET' and username = ?"
                                        + " and family_id = cast(? as bigint)",
                                ana,
                                Long.toString(familyId)))
                .as("printed in the family's language")
                .isEqualTo(List.of(List.of("es: [" + alAnon.id() + ", " + naloxone.id() + "]")));
    }

    @Test
    void anotherCounselorTheFrontDeskAndAnotherProgramsSupervisorAreRefusedAndTheFamilysSupervisorOnlyReads() {
        ResourceView alAnon = created("Al-Anon " + suffix, ResourceKind.FAMILY_MUTUAL_HELP);
        NewGift gift = new NewGift(List.of(alAnon.id()), List.of(), today, GivenHow.IN_SESSION);
        RunAs.user(ana, COUNSELOR, () -> gifts.give(familyId, gift));

        assertThatThrownBy(() -> RunAs.user(ben, COUNSELOR, () -> gifts.give(familyId, gift)))
                .isInstanceOf(Refused.class);
        assertThatThrownBy(() -> RunAs.user(ben, COUNSELOR, () -> gifts.given(familyId)))
                .isInstanceOf(Refused.class);
        assertThatThrownBy(() -> RunAs.user(ben, COUNSELOR, () -> gifts.sheet(familyId, List.of(alAnon.id()), "en")))
                .isInstanceOf(Refused.class);
        assertThat(sql().query(
                                "select count(*) from audit_entry where outcome = 'DENIED' and username = ?"
                                        + " and family_id = cast(? as bigint)",
                                ben,
                                Long.toString(familyId)))
                .as("each refusal audited, naming the family")
                .isEqualTo(List.of(List.of("3")));
        assertThatThrownBy(() -> RunAs.user(desk, FRONT_DESK, () -> gifts.given(familyId)))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> RunAs.user(otherSupervisor, SUPERVISOR, () -> gifts.given(familyId)))
                .isInstanceOf(Refused.class);

        assertThat(RunAs.user(supervisor, SUPERVISOR, () -> gifts.given(familyId)))
                .extracting(GiftView::resourceName)
                .containsExactly("Al-Anon " + suffix);
        assertThatThrownBy(() -> RunAs.user(supervisor, SUPERVISOR, () -> gifts.give(familyId, gift)))
                .isInstanceOf(Refused.class);
        assertThat(sql().query(
                                "select count(*) from resource_gift where family_id = cast(? as bigint)",
                                Long.toString(familyId)))
                .as("only Ana's gift")
                .isEqualTo(List.of(List.of("1")));
    }

    @Test
    void aMemberOfAnotherFamilyARetiredEntryAndADayStillToComeAreRefusedWithNothingSaved() {
        ResourceView alAnon = created("Al-Anon " + suffix, ResourceKind.FAMILY_MUTUAL_HELP);
        ResourceView closed = created("Closed group " + suffix, ResourceKind.FAMILY_MUTUAL_HELP);
        RunAs.user(supervisor, SUPERVISOR, () -> directory.retire(closed.id(), closed.version()));
        long otherFamily = familyOf(ana, "Ortiz");
        long stranger = Long.parseLong(sql().query(
                        "select id from family_member where family_id = cast(? as bigint) order by position limit 1",
                        Long.toString(otherFamily))
                .get(0)
                .get(0));

        assertThatThrownBy(() -> RunAs.user(
                        ana,
                        COUNSELOR,
                        () -> gifts.give(
                                familyId,
                                new NewGift(List.of(alAnon.id()), List.of(rosa, stranger), today, GivenHow.EMAIL))))
                .isInstanceOf(Refused.class);
        assertThatThrownBy(() -> RunAs.user(
                        ana,
                        COUNSELOR,
                        () -> gifts.give(
                                familyId,
                                new NewGift(List.of(alAnon.id(), closed.id()), List.of(), today.plusDays(1), null))))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.getReasons())
                        .extracting(Invalid.Reason::field, Invalid.Reason::messageKey)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("givenOn", "resource.gift.givenOn.future"),
                                org.assertj.core.groups.Tuple.tuple("how", "resource.gift.how.required"),
                                org.assertj.core.groups.Tuple.tuple("resourceIds", "resource.gift.retired")));
        assertThatThrownBy(() -> RunAs.user(ana, COUNSELOR, () -> gifts.sheet(familyId, List.of(alAnon.id()), "fr")))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.getReasons())
                        .extracting(Invalid.Reason::field)
                        .containsExactly("lang"));
        assertThat(sql().query(
                                "select count(*) from resource_gift where family_id in (cast(? as bigint), cast(? as bigint))",
                                Long.toString(familyId),
                                Long.toString(otherFamily)))
                .isEqualTo(List.of(List.of("0")));
    }
}
