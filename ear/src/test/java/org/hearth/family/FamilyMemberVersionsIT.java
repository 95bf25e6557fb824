package org.hearth.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.hearth.security.Conflict;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.RunAs;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two people edit the same family's members from the same version (issue 23): the family's version is the
 * version of the whole record, so a change to a member alone moves it, and the second save is refused naming the
 * family instead of silently overwriting the first one's change.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class FamilyMemberVersionsIT {

    private static final Set<String> FRONT_DESK = Set.of("front-desk");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(FamilyMemberVersionsIT.class);
    }

    @Inject
    private FamilyRegistry registry;

    @Inject
    private FamilyRecords records;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String firstDesk;
    private String secondDesk;
    private long familyId;

    @BeforeEach
    void aFamilyOfTwoAndTwoFrontDeskStaff() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Versions " + suffix;
        long programId = new TestData(sql()).program(program);
        firstDesk = new TestData(sql()).staff("desk1-" + suffix, "front-desk", program);
        secondDesk = new TestData(sql()).staff("desk2-" + suffix, "front-desk", program);
        familyId = RunAs.user(
                        firstDesk,
                        FRONT_DESK,
                        () -> registry.register(new NewFamily(
                                "Ibarra",
                                programId,
                                "es",
                                ReferralSource.SELF,
                                null,
                                List.of(
                                        member("Elena Ibarra", Relationship.PARENT, "+1 555 010 1000"),
                                        member("Tomas Ibarra", Relationship.SIBLING, "+1 555 010 2000")))))
                .id();
    }

    @Test
    void aSecondEditorOfAnotherMembersPhoneFromTheSameVersionIsRefusedAndTheFirstChangeStays() {
        FamilyRecord readByFirst = RunAs.user(firstDesk, FRONT_DESK, () -> records.open(familyId));
        FamilyRecord readBySecond = RunAs.user(secondDesk, FRONT_DESK, () -> records.open(familyId));
        assertThat(readBySecond.version()).isEqualTo(readByFirst.version());

        FamilyRecord saved = RunAs.user(
                firstDesk, FRONT_DESK, () -> records.update(familyId, withPhone(readByFirst, 0, "+1 555 777 0001")));
        assertThat(saved.version())
                .as("a change to a member alone moves the family's version")
                .isGreaterThan(readByFirst.version());

        Conflict stale = assertThrows(
                Conflict.class,
                () -> RunAs.user(
                        secondDesk,
                        FRONT_DESK,
                        () -> records.update(familyId, withPhone(readBySecond, 1, "+1 555 777 0002"))));
        assertThat(stale.getSubject()).isEqualTo(Conflict.Subject.STALE);
        assertThat(stale.getRecord()).isEqualTo("family");

        FamilyRecord now = RunAs.user(secondDesk, FRONT_DESK, () -> records.open(familyId));
        assertThat(now.members())
                .extracting(FamilyRecord.Member::phone)
                .as("the first editor's change is kept, the second's was not saved")
                .containsExactly("+1 555 777 0001", "+1 555 010 2000");
        assertThat(now.version()).isEqualTo(saved.version());
    }

    @Test
    void anEditorWhoReadTheLatestVersionSavesAfterTheConflict() {
        FamilyRecord read = RunAs.user(firstDesk, FRONT_DESK, () -> records.open(familyId));
        RunAs.user(firstDesk, FRONT_DESK, () -> records.update(familyId, withPhone(read, 0, "+1 555 777 0003")));

        FamilyRecord latest = RunAs.user(secondDesk, FRONT_DESK, () -> records.open(familyId));
        FamilyRecord saved = RunAs.user(
                secondDesk, FRONT_DESK, () -> records.update(familyId, withPhone(latest, 1, "+1 555 777 0004")));

        assertThat(saved.members())
                .extracting(FamilyRecord.Member::phone)
                .containsExactly("+1 555 777 0003", "+1 555 777 0004");
        assertThat(sql().query(
                                "select version from family_member where family_id = ?::bigint order by position",
                                String.valueOf(familyId)))
                .as("each member row carries its own version too")
                .extracting(row -> row.get(0))
                .containsExactly("1", "1");
    }

    private static NewFamilyMember member(String name, Relationship relationship, String phone) {
        return new NewFamilyMember(name, null, 40, relationship, phone, null, "es", true, false, true);
    }

    /** The record as read, with one member's phone changed: what the editing form would send. */
    private static FamilyUpdate withPhone(FamilyRecord read, int position, String phone) {
        List<NewFamilyMember> members = new ArrayList<>(read.membersAsEntered());
        NewFamilyMember m = members.get(position);
        members.set(
                position,
                new NewFamilyMember(
                        m.fullName(),
                        m.dateOfBirth(),
                        m.ageYears(),
                        m.relationship(),
                        phone,
                        m.email(),
                        m.preferredLanguage(),
                        m.safeToLeaveMessage(),
                        m.safeToMail(),
                        m.participates()));
        return new FamilyUpdate(
                read.familyName(),
                read.preferredLanguage(),
                read.referralSource(),
                read.referralNote(),
                members,
                read.version());
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
