package org.hearth.web.view.tablet;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.IntStream;
import org.hearth.staff.StaffDirectory;
import org.hearth.web.security.SignOutServlet;
import org.hearth.web.view.Failures;
import org.hearth.wellbeing.Instrument;
import org.hearth.wellbeing.Measures;
import org.hearth.wellbeing.NewMeasure;
import org.hearth.wellbeing.TabletMember;
import org.hearth.wellbeing.TakenBy;

/**
 * The tablet page ({@code tablet/measure.xhtml?family=N&member=M}): a counselor signed in on the clinic's tablet
 * hands it to a family member, who sees only the PHQ-9 and GAD-7 questions in their language and their first name.
 * All answered, "Send" saves both questionnaires at once and signs the counselor out as the app's sign-out does, so
 * the tablet is back at sign-in: Back then shows nothing (pages are never cached; the session is over) and cannot
 * send again (the view died with the session; one of each questionnaire per member and day). A missing answer is
 * marked at its question and nothing is saved.
 */
@Named("tabletMeasure")
@ViewScoped
public class TabletMeasureBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Measures measures;

    @EJB
    private StaffDirectory staffDirectory;

    private TabletMember member;
    private RuntimeException refused;
    private final Integer[] phq9 = new Integer[Instrument.PHQ9.items()];
    private final Integer[] gad7 = new Integer[Instrument.GAD7.items()];
    private Integer difficulty;
    private final Set<String> missing = new HashSet<>();

    /**
     * The member, read once from the request's {@code family} and {@code member} when the page is opened. A refusal
     * is kept for {@link #load} to answer.
     */
    private TabletMember member() {
        if (member == null && refused == null) {
            Map<String, String> parameters =
                    FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
            try {
                member = measures.handTablet(
                        Long.parseLong(parameters.getOrDefault("family", "")),
                        Long.parseLong(parameters.getOrDefault("member", "")));
            } catch (NumberFormatException e) {
                refused = new IllegalArgumentException("the tablet page needs a family and a member");
            } catch (RuntimeException e) {
                refused = e;
            }
        }
        return member;
    }

    /**
     * Answers 403 when the caller may not hand the tablet to this member (or the ids name nobody); else puts the page
     * in the member's language (the view keeps it on postback).
     */
    public void load() {
        if (member() != null) {
            FacesContext.getCurrentInstance().getViewRoot().setLocale(getLocale());
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        if (refused instanceof IllegalArgumentException) {
            try {
                faces.getExternalContext().responseSendError(404, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
            return;
        }
        Failures.answerLoad(refused);
    }

    /** Puts the view in the member's language again (a postback's view is built in the browser's). */
    public void applyLanguage() {
        if (member != null) {
            FacesContext.getCurrentInstance().getViewRoot().setLocale(getLocale());
        }
    }

    /** The member's language ({@code es} or {@code en}). */
    public String getLanguage() {
        TabletMember m = member();
        return m == null ? "en" : m.language();
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(getLanguage());
    }

    public String getFirstName() {
        TabletMember m = member();
        return m == null ? "" : m.firstName();
    }

    /** Sends the answers, then ends the session; with a missing answer, marks it and saves nothing. */
    public void send() {
        applyLanguage();
        missing.clear();
        IntStream.range(0, phq9.length).filter(i -> phq9[i] == null).forEach(i -> missing.add("PHQ9-" + i));
        IntStream.range(0, gad7.length).filter(i -> gad7[i] == null).forEach(i -> missing.add("GAD7-" + i));
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle i18n = faces.getApplication().getResourceBundle(faces, "i18n");
        if (!missing.isEmpty()) {
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            i18n.getString("tablet.missing").replace("{0}", String.valueOf(missing.size())),
                            null));
            faces.validationFailed();
            return;
        }
        try {
            measures.recordTogether(
                    member.familyId(),
                    List.of(
                            new NewMeasure(
                                    member.memberId(),
                                    Instrument.PHQ9,
                                    null,
                                    Arrays.asList(phq9),
                                    difficulty,
                                    TakenBy.TABLET),
                            new NewMeasure(
                                    member.memberId(),
                                    Instrument.GAD7,
                                    null,
                                    Arrays.asList(gad7),
                                    null,
                                    TakenBy.TABLET)));
        } catch (RuntimeException e) {
            Failures.show(e, "tablet-form", Map.of());
            return;
        }
        ExternalContext external = faces.getExternalContext();
        String signIn = SignOutServlet.signOut((HttpServletRequest) external.getRequest(), staffDirectory);
        try {
            external.redirect(signIn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Question numbers (0-based) of a questionnaire. */
    public List<Integer> questions(String instrument) {
        return IntStream.range(0, Instrument.valueOf(instrument).items())
                .boxed()
                .toList();
    }

    /** Whether question {@code index} of {@code instrument} was left without an answer. */
    public boolean isMissing(String instrument, int index) {
        return missing.contains(instrument + "-" + index);
    }

    /** Each questionnaire's answers by its name ({@code PHQ9}, {@code GAD7}), as the page binds them. */
    public Map<String, Integer[]> getAnswers() {
        return Map.of(Instrument.PHQ9.name(), phq9, Instrument.GAD7.name(), gad7);
    }

    public Integer getDifficulty() {
        return difficulty;
    }

    public void setDifficulty(Integer difficulty) {
        this.difficulty = difficulty;
    }
}
