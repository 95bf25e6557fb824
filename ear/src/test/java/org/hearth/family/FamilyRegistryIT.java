package org.hearth.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.hearth.security.Refused;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.RunAs;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.hearth.time.ClinicTime;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wildfly.security.auth.server.SecurityDomain;

/** Registering families in the real server and database: case numbers, roles, validation, duplicates. */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class FamilyRegistryIT {

    private static final Set<String> FRONT_DESK = Set.of("front-desk");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(FamilyRegistryIT.class);
    }

    @Inject
    private FamilyRegistry registry;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    @Test
    void frontDeskRegistersAFamilyInIntakeUnderTheNextCaseNumberOfTheYear() {
        long program = program();
        String clerk = unique("frida");

        FamilyContact family = RunAs.user(
                clerk, FRONT_DESK, () -> registry.register(newFamily(program, "Ávila", "555 010 " + digits())));

        assertTrue(
                family.caseNumber()
                        .startsWith("F-" + LocalDate.now(ClinicTime.zone()).getYear() + "-"),
                family.caseNumber());
        assertEquals(FamilyStatus.INTAKE, family.status());
        assertEquals(2, family.members().size());
        assertEquals(
                List.of(List.of(
                        "REGISTER_FAMILY", "Family", family.caseNumber(), String.valueOf(family.id()), "ALLOWED")),
                sql().query(
                                "select action, entity_type, entity_id, family_id, outcome from audit_entry where username = ?",
                                clerk));
    }

    @Test
    void concurrentRegistrationsGetDistinctCaseNumbersWithoutGaps() throws Exception {
        long program = program();
        SecurityDomain domain = SecurityDomain.getCurrent();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> registrations = IntStream.range(0, 24)
                    .mapToObj(i -> (Callable<String>) () -> RunAs.user(
                                    domain,
                                    "desk-" + i,
                                    FRONT_DESK,
                                    () -> registry.register(newFamily(program, "Concurrent " + i, null)))
                            .caseNumber())
                    .toList();
            List<String> numbers = new ArrayList<>();
            for (Future<String> number : pool.invokeAll(registrations)) {
                numbers.add(number.get());
            }

            assertEquals(24, Set.copyOf(numbers).size(), "every registration has its own number");
        } finally {
            pool.shutdownNow();
        }
        List<Integer> sequences = sql()
                .query(
                        "select case_sequence from family where intake_year = ?::int order by 1",
                        String.valueOf(LocalDate.now(ClinicTime.zone()).getYear()))
                .stream()
                .map(row -> Integer.parseInt(row.get(0)))
                .toList();
        assertEquals(IntStream.rangeClosed(1, sequences.size()).boxed().toList(), sequences, "no gaps");
    }

    @Test
    void aCounselorCannotRegisterAndTheRefusalIsAudited() {
        long program = program();
        String counselor = unique("carlos");

        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(
                        counselor, Set.of("counselor"), () -> registry.register(newFamily(program, "X", null))));

        assertEquals(
                List.of(List.of("SERVICE_CALL", "DENIED")),
                sql().query("select action, outcome from audit_entry where username = ?", counselor));
    }

    @Test
    void aSupervisorRegistersOnlyInTheirOwnPrograms() {
        long own = program();
        long other = program();
        String supervisor = supervisorOf(own);

        FamilyContact registered =
                RunAs.user(supervisor, Set.of("supervisor"), () -> registry.register(newFamily(own, "Own", null)));
        assertEquals(FamilyStatus.INTAKE, registered.status());

        Refused refused = assertThrows(
                Refused.class,
                () -> RunAs.user(
                        supervisor, Set.of("supervisor"), () -> registry.register(newFamily(other, "Other", null))));
        assertTrue(refused.getMessage().contains("own programs"));
    }

    @Test
    void aFamilyWithoutMembersOrWithAFutureBirthDateIsRefusedWithClearMessagesAndNothingIsSaved() {
        long program = program();
        String before = count();
        NewFamily noMembers = new NewFamily("Nobody", program, "en", ReferralSource.SELF, null, List.of());
        NewFamily futureBirth = new NewFamily(
                "Future",
                program,
                "en",
                ReferralSource.SELF,
                null,
                List.of(new NewFamilyMember(
                        "Ana Future",
                        LocalDate.now(ClinicTime.zone()).plusDays(3),
                        null,
                        Relationship.PARENT,
                        "12",
                        "not-an-email",
                        "en",
                        false,
                        false,
                        true)));

        assertEquals(Set.of("Add at least one family member."), messagesOf(() -> registry.register(noMembers)));
        assertEquals(
                Set.of(
                        "A date of birth cannot be in the future.",
                        "A phone number has 7 to 25 digits, spaces, dots, dashes or brackets, and may start with +.",
                        "Enter an email address such as name@example.org."),
                messagesOf(() -> registry.register(futureBirth)));
        assertEquals(before, count());
    }

    @Test
    void likelyDuplicatesAreFoundBySameNameAndBirthDateOrSamePhoneDigitsInTheCallersProgramsOnly() {
        long program = program();
        long otherProgram = program();
        String desk = deskOf(program);
        String phoneDigits = digits();
        String parent = unique("Rosa Reyes");
        FamilyContact existing = RunAs.user(
                desk, FRONT_DESK, () -> registry.register(withParent(program, parent, "(555) 011-" + phoneDigits)));
        String otherParent = unique("Inés Duarte");
        String otherDigits = digits();
        RunAs.user(
                "desk",
                FRONT_DESK,
                () -> registry.register(withParent(otherProgram, otherParent, "(555) 013-" + otherDigits)));

        NewFamily sameParent = withParent(program, parent.toUpperCase(), null);
        NewFamily samePhone = new NewFamily(
                "Other",
                program,
                "es",
                ReferralSource.HOTLINE_OR_WEBSITE,
                null,
                List.of(new NewFamilyMember(
                        "Somebody Else",
                        null,
                        50,
                        Relationship.SIBLING,
                        "555.011." + phoneDigits,
                        null,
                        "es",
                        true,
                        true,
                        true)));
        NewFamily stranger = new NewFamily(
                "Stranger",
                program,
                "en",
                ReferralSource.SELF,
                null,
                List.of(new NewFamilyMember(
                        unique("Nobody"),
                        LocalDate.of(1961, 1, 1),
                        null,
                        Relationship.OTHER,
                        null,
                        null,
                        null,
                        false,
                        false,
                        true)));

        List<Long> byName = idsOf(RunAs.user(desk, FRONT_DESK, () -> registry.likelyDuplicates(sameParent)));
        List<Long> byPhone = idsOf(RunAs.user(desk, FRONT_DESK, () -> registry.likelyDuplicates(samePhone)));

        assertTrue(byName.contains(existing.id()), "same member name and birth date");
        assertEquals(List.of(existing.id()), byPhone, "same phone digits, other punctuation");
        assertEquals(List.of(), RunAs.user(desk, FRONT_DESK, () -> registry.likelyDuplicates(stranger)));
        assertEquals(
                List.of(),
                RunAs.user(
                        desk,
                        FRONT_DESK,
                        () -> registry.likelyDuplicates(withParent(program, otherParent, "555 013 " + otherDigits))),
                "a family of a program the caller does not serve is never offered, by name or by phone");
        assertEquals(
                List.of(),
                RunAs.user(
                        supervisorOf(program),
                        Set.of("supervisor"),
                        () -> registry.likelyDuplicates(withParent(program, otherParent, "555 013 " + otherDigits))));
    }

    @Test
    void frontDeskFindsAFamilyByFamilyOrMemberNamePhoneOrCaseNumber() {
        long program = program();
        String surname = unique("Zamora");
        String phoneDigits = digits();
        FamilyContact family = RunAs.user(
                "desk",
                FRONT_DESK,
                () -> registry.register(withParent(program, "Teresa " + surname, "(555) 012-" + phoneDigits)));

        for (String search :
                List.of(surname.toLowerCase(), "teresa " + surname, "012-" + phoneDigits, family.caseNumber())) {
            assertEquals(
                    List.of(family.id()),
                    idsOf(RunAs.user("desk", FRONT_DESK, () -> registry.search(search))),
                    "searching for " + search);
        }
        assertEquals(
                List.of(List.of("listed 1: [" + family.id() + "]")),
                sql().query(
                                "select reason from audit_entry where username = 'desk' and action = 'SEARCH_FAMILIES'"
                                        + " and reason like ? order by id desc limit 1",
                                "%" + family.id() + "]"));
    }

    @Test
    void aSupervisorSearchFindsOnlyFamiliesOfTheirOwnPrograms() {
        long own = program();
        long other = program();
        String supervisor = supervisorOf(own);
        String surname = unique("Quiroga");
        FamilyContact mine = RunAs.user("desk", FRONT_DESK, () -> registry.register(newFamily(own, surname, null)));
        RunAs.user("desk", FRONT_DESK, () -> registry.register(newFamily(other, surname, null)));

        assertEquals(
                List.of(mine.id()),
                idsOf(RunAs.user(supervisor, Set.of("supervisor"), () -> registry.search(surname))));
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user("carlos", Set.of("counselor"), () -> registry.search(surname)));
    }

    private static List<Long> idsOf(List<FamilyContact> families) {
        return families.stream().map(FamilyContact::id).toList();
    }

    private Set<String> messagesOf(Runnable call) {
        return TestData.violationMessages(assertThrows(
                Exception.class,
                () -> RunAs.user("desk", FRONT_DESK, () -> {
                    call.run();
                    return null;
                })));
    }

    private static NewFamily withParent(long program, String parent, String phone) {
        return new NewFamily(
                "Reyes",
                program,
                "es",
                ReferralSource.SELF,
                null,
                List.of(new NewFamilyMember(
                        parent,
                        LocalDate.of(1970, 9, 9),
                        null,
                        Relationship.PARENT,
                        phone,
                        null,
                        "es",
                        false,
                        false,
                        true)));
    }

    private String count() {
        return sql().query("select count(*) from family").get(0).get(0);
    }

    private static NewFamily newFamily(long program, String name, String phone) {
        return new NewFamily(
                name,
                program,
                "en",
                ReferralSource.HEALTHCARE_PROVIDER,
                "Referred by the ED social worker",
                List.of(
                        new NewFamilyMember(
                                "Ana Ávila",
                                LocalDate.of(1968, 4, 2),
                                null,
                                Relationship.PARENT,
                                phone,
                                "ana@example.org",
                                "es",
                                true,
                                false,
                                true),
                        new NewFamilyMember(
                                "Luis Ávila", null, 44, Relationship.SIBLING, null, null, "en", false, true, true)));
    }

    private long program() {
        return new TestData(sql()).program(unique("Program"));
    }

    /** A front-desk staff record serving the program with the given id. */
    private String deskOf(long program) {
        String name = sql().query("select name from program where id = ?::bigint", String.valueOf(program))
                .get(0)
                .get(0);
        return new TestData(sql()).staff(unique("desk"), "front-desk", name);
    }

    /** A supervisor whose staff record is in the program with the given id. */
    private String supervisorOf(long program) {
        String name = sql().query("select name from program where id = ?::bigint", String.valueOf(program))
                .get(0)
                .get(0);
        return new TestData(sql()).staff(unique("sam"), "supervisor", name);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String digits() {
        return String.format("%04d", (int) (Math.random() * 10_000));
    }
}
