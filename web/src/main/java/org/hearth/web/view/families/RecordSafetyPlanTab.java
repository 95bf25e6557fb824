package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.family.SafetyFlags;
import org.hearth.safetyplan.SafetyPlanContent;
import org.hearth.safetyplan.SafetyPlanView;
import org.hearth.safetyplan.SafetyPlans;
import org.hearth.security.Invalid;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Downloads;
import org.hearth.web.view.Failures;

/**
 * The "Family plan" tab's safety part (WEB-INF/includes/family-plan-safety.xhtml): the written safety plan at a
 * glance with its status line, "Edit plan" (Save and sign), "Reviewed, no change", the printed copy in English or
 * Spanish, the versions; and each raised safety flag with "Checked - lower the flag". Supervisors read only. Every
 * change goes through {@link SafetyPlans} or {@link SafetyFlags} with the version this page read.
 */
@Named("recordSafetyPlan")
@ViewScoped
public class RecordSafetyPlanTab implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String FORM = "tabs:safety-plan-form";

    @EJB
    private SafetyPlans plans;

    @EJB
    private SafetyFlags flags;

    @Inject
    private RecordBacking record;

    private SafetyPlanView plan;
    private List<SafetyFlags.StandingRaise> raises;
    private boolean loaded;

    private boolean editing;
    private String warningSigns;
    private List<MemberRow> members = new ArrayList<>();
    private List<ContactRow> contacts = new ArrayList<>();
    private String naloxoneWhere;
    private List<Long> naloxoneTrained = new ArrayList<>();
    private String whereToGo;
    private String howToGetThere;
    private String whatToTake;
    private String codeWord;
    private String whoToTell;
    private boolean leftOffPrint = true;

    private Long raiseId;
    private String raiseSource;
    private Long raiseVersion;
    private String lowerNote;

    /** A member's line of the form: the member and what they do (blank: no line for them). */
    public static class MemberRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long memberId;
        private final String name;
        private String part;

        MemberRow(long memberId, String name, String part) {
            this.memberId = memberId;
            this.name = name;
            this.part = part;
        }

        public long getMemberId() {
            return memberId;
        }

        public String getName() {
            return name;
        }

        public String getPart() {
            return part;
        }

        public void setPart(String part) {
            this.part = part;
        }
    }

    /** A person to call, as typed. */
    public static class ContactRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private String relation;
        private String phone;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getRelation() {
            return relation;
        }

        public void setRelation(String relation) {
            this.relation = relation;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        boolean isBlank() {
            return blank(name) && blank(relation) && blank(phone);
        }
    }

    /** The family's plan, read once per view; null when it cannot be read. */
    public SafetyPlanView getPlan() {
        load();
        return plan;
    }

    /** The raised safety flags that stand, oldest first. */
    public List<SafetyFlags.StandingRaise> getRaises() {
        load();
        return raises == null ? List.of() : raises;
    }

    private void load() {
        if (loaded || !record.isClinical()) {
            return;
        }
        loaded = true;
        try {
            plan = plans.read(record.getId());
            raises = flags.standing(record.getId());
        } catch (RuntimeException e) {
            Failures.show(e, FORM, Map.of());
        }
    }

    /** Whether the caller may write or review the plan, and lower a flag (a counselor of the family). */
    public boolean isMayChange() {
        return getPlan() != null && plan.mayChange() && !record.isClosed();
    }

    /** Opens the form with the current plan in it (a blank plan the first time). */
    public void startEditing() {
        SafetyPlanContent c = plan.content();
        warningSigns = c == null ? null : String.join("\n", c.warningSigns());
        members = new ArrayList<>();
        for (SafetyPlanView.Person p : plan.members()) {
            String part = c == null
                    ? null
                    : c.members().stream()
                            .filter(m -> m.memberId() != null && m.memberId() == p.id())
                            .map(SafetyPlanContent.MemberPart::part)
                            .findFirst()
                            .orElse(null);
            members.add(new MemberRow(p.id(), p.name(), part));
        }
        contacts = new ArrayList<>();
        if (c != null) {
            for (SafetyPlanContent.Contact contact : c.contacts()) {
                ContactRow row = new ContactRow();
                row.name = contact.name();
                row.relation = contact.relation();
                row.phone = contact.phone();
                contacts.add(row);
            }
        }
        contacts.add(new ContactRow());
        naloxoneWhere = c == null ? null : c.naloxoneWhere();
        naloxoneTrained = c == null ? new ArrayList<>() : new ArrayList<>(c.naloxoneTrained());
        SafetyPlanContent.LeavingSafely l = c == null ? null : c.leaving();
        whereToGo = l == null ? null : l.whereToGo();
        howToGetThere = l == null ? null : l.howToGetThere();
        whatToTake = l == null ? null : l.whatToTake();
        codeWord = l == null ? null : l.codeWord();
        whoToTell = l == null ? null : l.whoToTell();
        leftOffPrint = l == null || l.leftOffPrint();
        editing = true;
    }

    public void cancel() {
        editing = false;
    }

    /** Another empty line for a person to call. */
    public void addContact() {
        contacts.add(new ContactRow());
    }

    /** "Save and sign": a new version signed by the counselor. */
    public void save() {
        List<Integer> memberRows = new ArrayList<>();
        List<SafetyPlanContent.MemberPart> parts = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (!blank(members.get(i).part)) {
                memberRows.add(i);
                parts.add(new SafetyPlanContent.MemberPart(members.get(i).memberId, members.get(i).part));
            }
        }
        List<Integer> contactRows = new ArrayList<>();
        List<SafetyPlanContent.Contact> people = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            ContactRow row = contacts.get(i);
            if (!row.isBlank()) {
                contactRows.add(i);
                people.add(new SafetyPlanContent.Contact(row.name, row.relation, row.phone));
            }
        }
        SafetyPlanContent.LeavingSafely leaving = plan.leavingAllowed()
                ? new SafetyPlanContent.LeavingSafely(
                        whereToGo, howToGetThere, whatToTake, codeWord, whoToTell, leftOffPrint)
                : null;
        SafetyPlanContent content = new SafetyPlanContent(
                warningSigns == null ? List.of() : List.of(warningSigns.split("\\R")),
                parts,
                people,
                naloxoneWhere,
                naloxoneTrained,
                leaving);
        try {
            plan = plans.save(record.getId(), content, plan.version());
            editing = false;
            Confirmations.show("safetyPlan.saved", plan.number());
        } catch (RuntimeException e) {
            Failures.show(onTheForm(e, memberRows, contactRows), FORM, Map.of());
        }
    }

    /** "Reviewed, no change". */
    public void review() {
        try {
            plan = plans.review(record.getId(), plan.version());
            Confirmations.show("safetyPlan.reviewed");
        } catch (RuntimeException e) {
            Failures.show(e, "tabs:safety-plan-actions", Map.of());
        }
    }

    /** The printed copy in {@code language} ({@code en} or {@code es}), as a download. */
    public void print(String language) {
        try {
            SafetyPlans.Printed printed = plans.print(record.getId(), language);
            Downloads.send("application/pdf", printed.fileName(), out -> out.write(printed.pdf()));
        } catch (RuntimeException e) {
            Failures.show(e, "tabs:safety-plan-actions", Map.of());
        }
    }

    /** Opens the dialog lowering {@code raise}. */
    public void startLowering(SafetyFlags.StandingRaise raise) {
        raiseId = raise.id();
        raiseSource = raise.source();
        raiseVersion = raise.version();
        lowerNote = null;
    }

    /** "Checked - lower the flag": the record is shown again, so every banner follows. */
    public void lower() {
        try {
            flags.lower(record.getId(), raiseId, lowerNote, raiseVersion);
            Confirmations.showAfterRedirect("safetyFlag.lowered");
            var external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(
                    external.getRequestContextPath() + "/families/record.xhtml?id=" + record.getId() + "&tab=plan");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            Failures.show(e, "tabs:lower-flag-form", Map.of("note", "lower-note"));
        }
    }

    /**
     * The service names what it checked (the lines it was sent); the form's inputs are named after the lines on
     * screen, so each reason lands next to its input.
     */
    private static RuntimeException onTheForm(RuntimeException e, List<Integer> memberRows, List<Integer> contactRows) {
        if (!(Failures.causeOf(e) instanceof Invalid invalid) || invalid.getSubject() != Invalid.Subject.SAFETY_PLAN) {
            return e;
        }
        List<Invalid.Reason> moved = new ArrayList<>();
        for (Invalid.Reason r : invalid.getReasons()) {
            String field = r.field() == null ? null : onScreen(r.field(), memberRows, contactRows);
            moved.add(new Invalid.Reason(field, r.messageKey(), r.arguments(), r.formatted(), r.written()));
        }
        return new Invalid(Invalid.Subject.SAFETY_PLAN, moved);
    }

    static String onScreen(String field, List<Integer> memberRows, List<Integer> contactRows) {
        if (List.of("members", "contacts", "leaving", "body").contains(field)) {
            return null; // about no one input: said at the top of the page
        }
        if (field.startsWith("warningSigns")) {
            return "warningSigns";
        }
        if (field.startsWith("naloxoneTrained")) {
            return "naloxoneTrained";
        }
        if (field.startsWith("leaving.")) {
            String name = field.substring("leaving.".length());
            return "leaving" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("(members|contacts)\\[(\\d+)](.*)")
                .matcher(field);
        if (line.matches()) {
            List<Integer> rows = line.group(1).equals("members") ? memberRows : contactRows;
            int sent = Integer.parseInt(line.group(2));
            int shown = sent < rows.size() ? rows.get(sent) : sent;
            return line.group(1) + "[" + shown + "]" + (line.group(3).equals(".memberId") ? ".part" : line.group(3));
        }
        return field;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public boolean isEditing() {
        return editing;
    }

    public String getWarningSigns() {
        return warningSigns;
    }

    public void setWarningSigns(String warningSigns) {
        this.warningSigns = warningSigns;
    }

    public List<MemberRow> getMembers() {
        return members;
    }

    public List<ContactRow> getContacts() {
        return contacts;
    }

    public String getNaloxoneWhere() {
        return naloxoneWhere;
    }

    public void setNaloxoneWhere(String naloxoneWhere) {
        this.naloxoneWhere = naloxoneWhere;
    }

    public List<Long> getNaloxoneTrained() {
        return naloxoneTrained;
    }

    public void setNaloxoneTrained(List<Long> naloxoneTrained) {
        this.naloxoneTrained = naloxoneTrained;
    }

    public String getWhereToGo() {
        return whereToGo;
    }

    public void setWhereToGo(String whereToGo) {
        this.whereToGo = whereToGo;
    }

    public String getHowToGetThere() {
        return howToGetThere;
    }

    public void setHowToGetThere(String howToGetThere) {
        this.howToGetThere = howToGetThere;
    }

    public String getWhatToTake() {
        return whatToTake;
    }

    public void setWhatToTake(String whatToTake) {
        this.whatToTake = whatToTake;
    }

    public String getCodeWord() {
        return codeWord;
    }

    public void setCodeWord(String codeWord) {
        this.codeWord = codeWord;
    }

    public String getWhoToTell() {
        return whoToTell;
    }

    public void setWhoToTell(String whoToTell) {
        this.whoToTell = whoToTell;
    }

    public boolean isLeftOffPrint() {
        return leftOffPrint;
    }

    public void setLeftOffPrint(boolean leftOffPrint) {
        this.leftOffPrint = leftOffPrint;
    }

    public String getRaiseSource() {
        return raiseSource;
    }

    public String getLowerNote() {
        return lowerNote;
    }

    public void setLowerNote(String lowerNote) {
        this.lowerNote = lowerNote;
    }
}
