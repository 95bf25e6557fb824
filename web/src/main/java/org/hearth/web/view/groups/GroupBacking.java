package org.hearth.web.view.groups;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.hearth.schedule.EnrollmentView;
import org.hearth.schedule.GroupSessionView;
import org.hearth.schedule.SupportGroupView;
import org.hearth.schedule.SupportGroups;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/** groups/group.xhtml?id=: one group: its sessions (cancel one, open its roster), members and waitlist. */
@Named
@ViewScoped
public class GroupBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private SupportGroups groups;

    private Long id;
    private SupportGroupView group;
    private List<EnrollmentView> enrollments = List.of();
    private boolean membersVisible;
    private GroupSessionView cancelling;
    private String cancelReason;

    public void load() {
        try {
            group = groups.read(id);
        } catch (RuntimeException e) {
            Failures.answerLoad(e);
            return;
        }
        try {
            enrollments = groups.enrollments(id);
            membersVisible = true;
        } catch (RuntimeException notForThisRole) {
            membersVisible = false;
        }
    }

    public void startCancelling(GroupSessionView session) {
        cancelling = session;
        cancelReason = null;
    }

    public void cancelSession() {
        try {
            groups.cancelSession(cancelling.id(), cancelReason, cancelling.version());
            Confirmations.show("groups.session.cancelled", cancelling.date().toString());
            cancelling = null;
            group = groups.read(id);
        } catch (RuntimeException e) {
            Failures.show(e, "cancel-form", Map.of());
        }
    }

    public void leave(EnrollmentView enrollment) {
        try {
            var change = groups.leave(enrollment.id());
            Confirmations.show("groups.member.left", enrollment.memberName());
            if (change.offered() != null) {
                Confirmations.show("groups.member.offered", change.offered().memberName());
            }
            reload();
        } catch (RuntimeException e) {
            Failures.show(e, "members-form", Map.of());
        }
    }

    public void accept(EnrollmentView enrollment) {
        try {
            groups.acceptOffer(enrollment.id());
            Confirmations.show("groups.member.accepted", enrollment.memberName());
            reload();
        } catch (RuntimeException e) {
            Failures.show(e, "members-form", Map.of());
        }
    }

    private void reload() {
        group = groups.read(id);
        enrollments = groups.enrollments(id);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public SupportGroupView getGroup() {
        return group;
    }

    public List<EnrollmentView> getEnrollments() {
        return enrollments;
    }

    public boolean isMembersVisible() {
        return membersVisible;
    }

    public GroupSessionView getCancelling() {
        return cancelling;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }
}
