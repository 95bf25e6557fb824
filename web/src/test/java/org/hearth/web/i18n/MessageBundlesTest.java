package org.hearth.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hearth.appointments.AppointmentKind;
import org.hearth.appointments.AppointmentStatus;
import org.hearth.audit.AuditChain;
import org.hearth.audit.AuditOutcome;
import org.hearth.consent.DisclosureScope;
import org.hearth.engagement.CriticalEventKind;
import org.hearth.engagement.EpisodeStatus;
import org.hearth.engagement.EpisodeView;
import org.hearth.engagement.Episodes;
import org.hearth.engagement.EventKind;
import org.hearth.engagement.FamilyStrategy;
import org.hearth.engagement.FollowUp;
import org.hearth.engagement.HarmReduction;
import org.hearth.engagement.LevelOfCare;
import org.hearth.engagement.OfferResponse;
import org.hearth.engagement.OfferedBy;
import org.hearth.engagement.RefusalReason;
import org.hearth.engagement.RiskAlerts;
import org.hearth.family.AsamDimension;
import org.hearth.family.AssignmentKind;
import org.hearth.family.FamilyStatus;
import org.hearth.family.IntakeState;
import org.hearth.family.LovedOneRelationship;
import org.hearth.family.Medication;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.family.Route;
import org.hearth.family.SafetyScreen;
import org.hearth.family.StageOfChange;
import org.hearth.family.Substance;
import org.hearth.groups.AttendanceMark;
import org.hearth.groups.EnrollmentStatus;
import org.hearth.groups.GroupKind;
import org.hearth.groups.GroupSessionStatus;
import org.hearth.groups.MeetingAnswer;
import org.hearth.notes.ChangeTalkCategory;
import org.hearth.notes.CraftProcedure;
import org.hearth.notes.MitiBand;
import org.hearth.notes.NoteStatus;
import org.hearth.providers.ImportRow;
import org.hearth.providers.OudMedication;
import org.hearth.providers.Payment;
import org.hearth.providers.Population;
import org.hearth.providers.ProviderLanguages;
import org.hearth.report.ReportFigure;
import org.hearth.security.Role;
import org.hearth.web.view.admin.StaffDataModel;
import org.hearth.web.view.families.IntakeBacking;
import org.hearth.web.view.providers.ProviderDataModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every text a page shows exists in English and in Spanish, and nothing shows a missing key. */
class MessageBundlesTest {

    private static final String BASE_NAME = "org.hearth.web.i18n.messages";
    private static final Path BUNDLES = Path.of("src/main/resources/org/hearth/web/i18n");
    private static final Path PAGES = Path.of("src/main/webapp");

    private static final Pattern EXPRESSION = Pattern.compile("[#$]\\{[^}]*}");
    private static final Pattern KEY_IN_BRACKETS = Pattern.compile("\\bi18n\\[\\s*(['\"])([^'\"]+)\\1\\s*]");
    private static final Pattern KEY_AFTER_DOT = Pattern.compile("\\bi18n\\.([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern COMPOSED_KEY = Pattern.compile("\\bi18n\\[\\s*(['\"])([^'\"]*)\\1\\s*\\+=");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    /** Keys that pages compose at run time, by prefix: each must exist for every value the page may meet. */
    private static final Map<String, List<String>> COMPOSED_KEYS = Map.ofEntries(
            Map.entry("role.", Role.realmNames()),
            Map.entry("ReportFigure.", names(ReportFigure.values())),
            Map.entry(
                    "reports.list.kind.",
                    Arrays.stream(ReportFigure.values())
                            .map(ReportFigure::recordKind)
                            .distinct()
                            .toList()),
            Map.entry("language.", ProviderLanguages.CODES),
            Map.entry("admin.staff.shown.", names(StaffDataModel.Shown.values())),
            Map.entry("FamilyStatus.", names(FamilyStatus.values())),
            Map.entry("Relationship.", names(Relationship.values())),
            Map.entry("ReferralSource.", names(ReferralSource.values())),
            Map.entry("LovedOneRelationship.", names(LovedOneRelationship.values())),
            Map.entry("Substance.", names(Substance.values())),
            Map.entry("Route.", names(Route.values())),
            Map.entry("Medication.", names(Medication.values())),
            Map.entry("StageOfChange.", names(StageOfChange.values())),
            Map.entry("AsamDimension.", names(AsamDimension.values())),
            Map.entry("IntakeState.", names(IntakeState.values())),
            Map.entry("AssignmentKind.", names(AssignmentKind.values())),
            Map.entry("FlagReason.", names(SafetyScreen.FlagReason.values())),
            Map.entry("EpisodeStatus.", names(EpisodeStatus.values())),
            Map.entry("AppointmentKind.", names(AppointmentKind.values())),
            Map.entry("AppointmentStatus.", names(AppointmentStatus.values())),
            Map.entry("GroupKind.", names(GroupKind.values())),
            Map.entry("weekday.", names(DayOfWeek.values())),
            Map.entry("NoteStatus.", names(NoteStatus.values())),
            Map.entry("ChangeTalkCategory.", names(ChangeTalkCategory.values())),
            Map.entry("CraftProcedure.", names(CraftProcedure.values())),
            Map.entry("MitiBand.", names(MitiBand.values())),
            Map.entry("EventKind.", names(EventKind.values())),
            Map.entry("OfferedBy.", names(OfferedBy.values())),
            Map.entry("OfferResponse.", names(OfferResponse.values())),
            Map.entry("RefusalReason.", names(RefusalReason.values())),
            Map.entry("LevelOfCare.", names(LevelOfCare.values())),
            Map.entry("CriticalEventKind.", names(CriticalEventKind.values())),
            Map.entry("HarmReduction.", names(HarmReduction.values())),
            Map.entry("FamilyStrategy.", names(FamilyStrategy.values())),
            // issue 25: the to-do list
            Map.entry("todo.kind.", org.hearth.todo.Task.KINDS),
            // issue 25, education
            Map.entry("EducationTopic.", names(org.hearth.education.EducationTopic.values())),
            // issue 25, safety
            Map.entry("SafetyPlanSection.", names(org.hearth.safetyplan.SafetyPlanContent.Section.values())),
            // issue 25, resources
            Map.entry("ResourceKind.", names(org.hearth.resources.ResourceKind.values())),
            Map.entry("ResourceSetting.", names(org.hearth.resources.ResourceSetting.values())),
            Map.entry("GivenHow.", names(org.hearth.resources.GivenHow.values())),
            Map.entry("community.shown.", names(org.hearth.web.view.community.ResourceDataModel.Shown.values())),
            // issue 25, boundaries
            Map.entry("BoundaryKind.", names(org.hearth.boundaries.BoundaryKind.values())),
            Map.entry("ReviewOutcome.", names(org.hearth.boundaries.ReviewOutcome.values())),
            // issue 26, choices
            Map.entry("MessagesState.", names(org.hearth.messages.MessagesState.values())),
            // issue 25, wellbeing
            Map.entry("Instrument.", names(org.hearth.wellbeing.Instrument.values())),
            Map.entry("Band.", names(org.hearth.wellbeing.Band.values())),
            Map.entry("TakenBy.", names(org.hearth.wellbeing.TakenBy.values())),
            Map.entry(
                    "wellbeing.",
                    Arrays.stream(org.hearth.wellbeing.Instrument.values())
                            .flatMap(i -> java.util.stream.Stream.concat(
                                    java.util.stream.Stream.of(i.name() + ".stem"),
                                    java.util.stream.IntStream.rangeClosed(1, i.items())
                                            .mapToObj(q -> i.name() + ".q" + q)))
                            .toList()),
            // issue 24: plan
            Map.entry("MissingStep.", names(org.hearth.plans.MissingStep.values())),
            Map.entry("Fit.", names(org.hearth.plans.Fit.values())),
            Map.entry("Fit.symbol.", names(org.hearth.plans.Fit.values())),
            Map.entry("PreauthState.", names(org.hearth.plans.PreauthState.values())),
            Map.entry("TransportKind.", names(org.hearth.plans.TransportKind.values())),
            Map.entry("BagItem.", names(org.hearth.plans.BagItem.values())),
            Map.entry("episodes.highRisk.", names(RiskAlerts.RiskReason.values())),
            // issue 24: providers
            Map.entry("OudMedication.", names(OudMedication.values())),
            Map.entry("Payment.", names(Payment.values())),
            Map.entry("Population.", names(Population.values())),
            Map.entry("providers.shown.", names(ProviderDataModel.Shown.values())),
            Map.entry("providers.import.action.", names(ImportRow.Action.values())),
            Map.entry(
                    "providers.short.",
                    java.util.stream.Stream.concat(
                                    Arrays.stream(LevelOfCare.values()).map(Enum::name),
                                    Arrays.stream(OudMedication.values()).map(Enum::name))
                            .toList()),
            Map.entry("episodes.highRiskShort.", names(RiskAlerts.RiskReason.values())),
            Map.entry("episodes.attention.scope.", names(Episodes.Scope.values())),
            Map.entry("episodes.retention.state.", names(FollowUp.CheckState.values())),
            Map.entry("episodes.stages.source.", names(EpisodeView.StageSource.values())),
            Map.entry(
                    "episodes.riskFactor.",
                    List.of("lostTolerance", "usingAlone", "fentanyl", "mixingWithDepressants")),
            Map.entry("StageOfChange.short.", names(StageOfChange.values())),
            Map.entry("audit.chain.broken.", names(AuditChain.Break.values())),
            Map.entry("audit.outcome.", names(AuditOutcome.values())),
            Map.entry("DisclosureScope.", names(DisclosureScope.values())),
            Map.entry("GroupSessionStatus.", names(GroupSessionStatus.values())),
            Map.entry("EnrollmentStatus.", names(EnrollmentStatus.values())),
            Map.entry("AttendanceMark.", names(AttendanceMark.values())),
            // issue 26, reminders: a member's answer to a meeting's reminder, on the roster
            Map.entry("groups.roster.answer.", names(MeetingAnswer.values())),
            Map.entry("groups.member.enrolled.", names(EnrollmentStatus.values())),
            // issue 26, offers: the offer's message as the waitlist shows it (NONE: no message was written)
            Map.entry("groups.offer.message.", List.of("NONE", "PENDING", "SENT", "FAILED", "WITHDRAWN")),
            Map.entry("groups.offer.ended.", List.of("DECLINED_OFFER", "OFFER_EXPIRED")),
            Map.entry("families.intake.step.", names(IntakeBacking.Step.values())),
            // issue 24: referrals
            Map.entry("ReferralStepKind.", names(org.hearth.referrals.ReferralStepKind.values())),
            Map.entry("ReferralOutcome.", names(org.hearth.referrals.ReferralOutcome.values())),
            Map.entry("NotArrivedReason.", names(org.hearth.referrals.NotArrivedReason.values())),
            Map.entry("referrals.stalled.", names(org.hearth.engagement.StalledReferral.Reason.values())),
            Map.entry(
                    "intake.safety.",
                    List.of(
                            "domesticViolence",
                            "childrenInHome",
                            "suicideRisk",
                            "lostTolerance",
                            "usingAlone",
                            "fentanyl",
                            "mixingWithDepressants",
                            "naloxoneInHome")));

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Properties english;
    private static Properties spanish;

    @BeforeAll
    static void readBundles() throws IOException {
        english = read("messages.properties");
        spanish = read("messages_es.properties");
    }

    @Test
    void englishAndSpanishHaveExactlyTheSameKeys() {
        assertThat(spanish.stringPropertyNames())
                .as("keys of messages_es.properties")
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void noTextIsEmpty() {
        for (Properties bundle : List.of(english, spanish)) {
            assertThat(bundle.stringPropertyNames())
                    .allSatisfy(
                            key -> assertThat(bundle.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void eachTranslationHasTheSamePlaceholdersAsTheEnglish() {
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(spanish.getProperty(key, "")))
                    .as("placeholders of %s", key)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @Test
    void theRuntimeReadsTheSpanishBundleAsUtf8() {
        ResourceBundle bundle = ResourceBundle.getBundle(BASE_NAME, Locale.forLanguageTag("es"));

        assertThat(bundle.getString("layout.language.es")).isEqualTo("Español");
        assertThat(bundle.getString("layout.idle.title")).isEqualTo(spanish.getProperty("layout.idle.title"));
    }

    @Test
    void everyKeyThePagesUseExistsInEnglish() throws IOException {
        Map<String, Set<String>> usedBy = keysUsedByPages();
        Map<String, Set<String>> missing = new TreeMap<>(usedBy);
        missing.keySet().removeAll(english.stringPropertyNames());

        assertThat(usedBy).as("keys found in the pages").isNotEmpty();
        assertThat(missing)
                .as("keys the pages use but messages.properties lacks, with the pages using them")
                .isEmpty();
    }

    @Test
    void everyKeyThePagesComposeExistsForEachValue() throws IOException {
        for (String prefix : composedKeyPrefixesUsedByPages()) {
            assertThat(COMPOSED_KEYS)
                    .as("a page composes keys starting with '%s': list the values it may meet in COMPOSED_KEYS", prefix)
                    .containsKey(prefix);
            for (String value : COMPOSED_KEYS.get(prefix)) {
                assertThat(english.stringPropertyNames()).contains(prefix + value);
            }
        }
    }

    private static Map<String, Set<String>> keysUsedByPages() throws IOException {
        Map<String, Set<String>> usedBy = new TreeMap<>();
        for (Path page : pages()) {
            for (String expression : expressionsIn(page)) {
                for (Pattern pattern : List.of(KEY_IN_BRACKETS, KEY_AFTER_DOT)) {
                    Matcher key = pattern.matcher(expression);
                    while (key.find()) {
                        String name = key.group(key.groupCount());
                        usedBy.computeIfAbsent(name, k -> new TreeSet<>())
                                .add(PAGES.relativize(page).toString());
                    }
                }
            }
        }
        return usedBy;
    }

    private static Set<String> composedKeyPrefixesUsedByPages() throws IOException {
        Set<String> prefixes = new TreeSet<>();
        for (Path page : pages()) {
            for (String expression : expressionsIn(page)) {
                Matcher composed = COMPOSED_KEY.matcher(expression);
                while (composed.find()) {
                    prefixes.add(composed.group(2));
                }
            }
        }
        return prefixes;
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(PAGES)) {
            return files.filter(p -> p.toString().endsWith(".xhtml")).sorted().toList();
        }
    }

    private static List<String> expressionsIn(Path page) throws IOException {
        return EXPRESSION
                .matcher(Files.readString(page, StandardCharsets.UTF_8))
                .results()
                .map(match -> match.group())
                .toList();
    }

    private static Set<String> placeholders(String text) {
        Set<String> numbers = new TreeSet<>();
        PLACEHOLDER.matcher(text).results().forEach(match -> numbers.add(match.group(1)));
        return numbers;
    }

    /** Reads a bundle strictly as UTF-8: a file saved in another encoding fails here, not on screen. */
    private static Properties read(String name) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(BUNDLES.resolve(name), StandardCharsets.UTF_8)));
        return properties;
    }
}
