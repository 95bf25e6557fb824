package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hearth.messages.MessageChoiceView;
import org.hearth.messages.MessageChoices;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * The members' messages on the record's Overview (issue 26): each member's line ("Reminders by email", "Stopped by
 * the member (link), 7 Dec 2026"...), and for those who keep the family's contact details a dialog to stop or start
 * them again at the member's word.
 */
@Named("recordMessages")
@ViewScoped
public class RecordMessages implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private MessageChoices choices;

    @Inject
    private RecordBacking record;

    @Inject
    private CurrentStaff currentStaff;

    private Map<Long, MessageChoiceView> byMember;
    private Boolean mayChange;

    private MessageChoiceView editing;
    private Boolean optedOut;
    private String memberWord;

    /** The member's messages, the family's read once per view (and again after a change or a new member). */
    public MessageChoiceView of(long memberId) {
        if (byMember == null || !byMember.containsKey(memberId)) {
            byMember = new LinkedHashMap<>();
            choices.ofFamily(record.getId()).forEach(c -> byMember.put(c.memberId(), c));
        }
        return byMember.get(memberId);
    }

    /**
     * The front desk, the family's counselors, its program's supervisors (not an emergency access): told by the
     * record already read and the caller's roles, without asking the database again; the service decides anyway.
     */
    public boolean isMayChange() {
        if (mayChange == null) {
            mayChange = record.getFamily() != null
                    && (currentStaff.hasRole("front-desk")
                            || (record.isClinical()
                                    && !record.isEmergency()
                                    && (currentStaff.hasRole("counselor") || record.mayAssign())));
        }
        return mayChange;
    }

    /** Opens the dialog on the member's choice as read, proposing the other one. */
    public void start(long memberId) {
        editing = of(memberId);
        optedOut = editing == null ? null : !editing.optedOut();
        memberWord = null;
    }

    public void save() {
        try {
            MessageChoiceView saved =
                    choices.change(record.getId(), editing.memberId(), optedOut, memberWord, editing.version());
            byMember.put(saved.memberId(), saved);
            editing = saved;
            Confirmations.show(saved.optedOut() ? "messages.choice.stopped" : "messages.choice.started");
        } catch (RuntimeException e) {
            Failures.show(e, "tabs:messages-form", Map.of());
        }
    }

    public MessageChoiceView getEditing() {
        return editing;
    }

    public Boolean getOptedOut() {
        return optedOut;
    }

    public void setOptedOut(Boolean optedOut) {
        this.optedOut = optedOut;
    }

    public String getMemberWord() {
        return memberWord;
    }

    public void setMemberWord(String memberWord) {
        this.memberWord = memberWord;
    }
}
