package org.hearth.education;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.family.Family;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;

/**
 * What a family has been taught, read from its session notes' education checklists (table
 * {@code note_education_topic}, V33): signed notes, and drafts marked as drafts. Read, like the notes, by the
 * family's counselors and its program's supervisors; every read audited. (Read by SQL so this package does not
 * lean on {@code notes}, which leans on it.)
 */
@Stateless
@RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class EducationGiven {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FamilyAccessPolicy familyAccess;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /** Each topic with the family's sessions that covered it, oldest first; refused outside the family's readers. */
    public EducationCovered forFamily(long familyId) {
        Family family = familyAccess.family(familyId);
        familyAccess.requireClinicalRead(family);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select t.topic, n.id, a.starts_at, s.display_name, n.status"
                        + " from note_education_topic t"
                        + " join session_note n on n.id = t.note_id"
                        + " join appointment a on a.id = n.appointment_id"
                        + " join staff_member s on s.id = n.author_id"
                        + " where n.family_id = :family"
                        + " order by a.starts_at, n.id")
                .setParameter("family", familyId)
                .getResultList();
        Map<EducationTopic, List<EducationCovered.Session>> sessions = new EnumMap<>(EducationTopic.class);
        for (EducationTopic topic : EducationTopic.values()) {
            sessions.put(topic, new ArrayList<>());
        }
        for (Object[] row : rows) {
            sessions.get(EducationTopic.valueOf((String) row[0]))
                    .add(new EducationCovered.Session(
                            ((Number) row[1]).longValue(),
                            instant(row[2]).atZone(clock.zone()).toLocalDate(),
                            (String) row[3],
                            "DRAFT".equals(row[4])));
        }
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_EDUCATION_GIVEN, "Family", familyId, familyId));
        return new EducationCovered(
                familyId,
                sessions.entrySet().stream()
                        .map(e -> new EducationCovered.Topic(e.getKey(), List.copyOf(e.getValue())))
                        .toList());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected time " + value.getClass());
    }
}
