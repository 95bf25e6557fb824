package org.hearth.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.family.Family;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.family.FamilyMember;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;

/**
 * Resources given to a family, as events on its record, and the neutral sheet printed for it. The family's
 * counselors give (the clinical write rule of {@link FamilyAccessPolicy}); they and the supervisors of its program
 * read the list and print the sheet; the front desk and administrators never reach it. Access is checked before the
 * request is looked at, so a foreign family gets the same refusal whatever it sends. Every read, gift and print is
 * audited on the family.
 */
@Stateless
@RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class ResourceGifts {

    private static final String ENTITY = "ResourceGift";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FamilyAccessPolicy familyAccess;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /** What the family was given, newest first (by day given, then as recorded). Audited as a listing. */
    public List<GiftView> given(long familyId) {
        Family family = familyAccess.family(familyId);
        familyAccess.requireClinicalRead(family);
        List<GiftView> gifts = em.createQuery(
                        "select g from ResourceGift g join fetch g.resource left join fetch g.member"
                                + " where g.family = :family order by g.givenOn desc, g.recordedAt desc, g.id desc",
                        ResourceGift.class)
                .setParameter("family", family)
                .getResultStream()
                .map(GiftView::of)
                .toList();
        audit.record(new AuditEvent(
                AuditAction.READ_RESOURCES_GIVEN,
                ENTITY,
                null,
                familyId,
                org.hearth.audit.AuditOutcome.ALLOWED,
                "listed " + gifts.size()));
        return gifts;
    }

    /**
     * Records that these resources were given to these members of the family (or to the family as a whole), one
     * event per resource and member, all or nothing. A counselor with the family on their caseload only. Refused:
     * a member of another family (as any foreign id), a resource no longer in use, a day after today, no way given
     * ({@link ResourceRules#giftReasons}). Each event audited.
     */
    public List<GiftView> give(long familyId, @NotNull NewGift gift) {
        Family family = familyAccess.family(familyId);
        familyAccess.requireClinicalWrite(family);
        LocalDate today = clock.today();
        List<Invalid.Reason> reasons = new ArrayList<>(ResourceRules.giftReasons(gift, today));
        List<FamilyMember> members = new ArrayList<>();
        for (Long memberId : gift.memberIds()) {
            FamilyMember member = em.find(FamilyMember.class, memberId);
            if (member == null || !member.getFamily().getId().equals(familyId)) {
                throw new Refused("a member of another family, or of none", familyId);
            }
            members.add(member);
        }
        Map<Long, CommunityResource> resources = new LinkedHashMap<>();
        for (Long resourceId : gift.resourceIds()) {
            CommunityResource resource = em.find(CommunityResource.class, resourceId);
            if (resource == null) {
                throw new NotFound("community resource", resourceId);
            }
            if (!resource.isActive()) {
                reasons.add(Invalid.Reason.of("resourceIds", "resource.gift.retired", resource.getName()));
            }
            resources.put(resourceId, resource);
        }
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.RESOURCE_GIFT, reasons);
        }
        String by = familyAccess.caller().username();
        Instant now = clock.now();
        List<ResourceGift> made = new ArrayList<>();
        for (CommunityResource resource : resources.values()) {
            if (members.isEmpty()) {
                made.add(new ResourceGift(family, resource, null, gift.givenOn(), gift.how(), by, now));
            }
            for (FamilyMember member : members) {
                made.add(new ResourceGift(family, resource, member, gift.givenOn(), gift.how(), by, now));
            }
        }
        made.forEach(em::persist);
        em.flush();
        made.forEach(
                g -> audit.record(AuditEvent.allowedOnFamily(AuditAction.GIVE_RESOURCES, ENTITY, g.getId(), familyId)));
        return made.stream().map(GiftView::of).toList();
    }

    /**
     * The neutral sheet of these directory entries, in English or Spanish ({@code language} "en" or "es"; null: the
     * family's language when it is one of them, else English), printed from the family's record by a reader of it.
     * It names no one and nothing of the family ({@link ResourceSheet}). Entries no longer in use are refused by
     * name. Audited on the family with the entries printed.
     */
    public byte[] sheet(long familyId, List<Long> resourceIds, String language) {
        Family family = familyAccess.family(familyId);
        familyAccess.requireClinicalRead(family);
        String lang = language == null || language.isBlank() ? sheetLanguageOf(family) : language.strip();
        List<Invalid.Reason> reasons = new ArrayList<>();
        if (!ResourceRules.SHEET_LANGUAGES.contains(lang)) {
            reasons.add(Invalid.Reason.of("lang", "resource.sheet.language", lang));
        }
        List<Long> ids = resourceIds == null
                ? List.of()
                : resourceIds.stream().filter(id -> id != null).distinct().toList();
        if (ids.isEmpty()) {
            reasons.add(Invalid.Reason.plain("ids", "resource.gift.resources.required"));
        } else if (ids.size() > ResourceRules.MOST_RESOURCES_PER_GIFT) {
            reasons.add(Invalid.Reason.of(
                    "ids", "resource.gift.resources.tooMany", String.valueOf(ResourceRules.MOST_RESOURCES_PER_GIFT)));
        }
        List<CommunityResource> entries = new ArrayList<>();
        for (Long id : ids) {
            CommunityResource resource = em.find(CommunityResource.class, id);
            if (resource == null) {
                throw new NotFound("community resource", id);
            }
            if (!resource.isActive()) {
                reasons.add(Invalid.Reason.of("ids", "resource.gift.retired", resource.getName()));
            }
            entries.add(resource);
        }
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.RESOURCE_GIFT, reasons);
        }
        byte[] pdf = ResourceSheet.render(
                entries.stream().map(ResourceSheet.Entry::of).toList(), lang, clock.today());
        audit.record(new AuditEvent(
                AuditAction.PRINT_RESOURCE_SHEET,
                ENTITY,
                null,
                familyId,
                org.hearth.audit.AuditOutcome.ALLOWED,
                lang + ": " + ids));
        return pdf;
    }

    /** The language a sheet for the family is printed in unless asked otherwise. */
    public static String sheetLanguageOf(Family family) {
        String preferred = family.getPreferredLanguage();
        return preferred != null && ResourceRules.SHEET_LANGUAGES.contains(preferred) ? preferred : "en";
    }
}
