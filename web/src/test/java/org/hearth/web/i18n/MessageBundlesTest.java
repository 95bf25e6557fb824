package org.hearth.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.hearth.security.Role;
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
            Map.entry("ReportFigure.", names(org.hearth.report.ReportFigure.values())),
            Map.entry(
                    "reports.list.kind.",
                    java.util.Arrays.stream(org.hearth.report.ReportFigure.values())
                            .map(org.hearth.report.ReportFigure::recordKind)
                            .distinct()
                            .toList()),
            Map.entry("language.", List.of("en", "es")),
            Map.entry("admin.staff.shown.", names(org.hearth.web.view.admin.StaffDataModel.Shown.values())),
            Map.entry("FamilyStatus.", names(org.hearth.family.FamilyStatus.values())),
            Map.entry("Relationship.", names(org.hearth.family.Relationship.values())),
            Map.entry("ReferralSource.", names(org.hearth.family.ReferralSource.values())),
            Map.entry("LovedOneRelationship.", names(org.hearth.family.LovedOneRelationship.values())),
            Map.entry("Substance.", names(org.hearth.family.Substance.values())),
            Map.entry("Route.", names(org.hearth.family.Route.values())),
            Map.entry("Medication.", names(org.hearth.family.Medication.values())),
            Map.entry("StageOfChange.", names(org.hearth.family.StageOfChange.values())),
            Map.entry("AsamDimension.", names(org.hearth.family.AsamDimension.values())),
            Map.entry("IntakeState.", names(org.hearth.family.IntakeState.values())),
            Map.entry("AssignmentKind.", names(org.hearth.family.AssignmentKind.values())),
            Map.entry("FlagReason.", names(org.hearth.family.SafetyScreen.FlagReason.values())),
            Map.entry("EpisodeStatus.", names(org.hearth.engagement.EpisodeStatus.values())),
            Map.entry("AppointmentKind.", names(org.hearth.appointments.AppointmentKind.values())),
            Map.entry("AppointmentStatus.", names(org.hearth.appointments.AppointmentStatus.values())),
            Map.entry("GroupKind.", names(org.hearth.groups.GroupKind.values())),
            Map.entry("weekday.", names(java.time.DayOfWeek.values())),
            Map.entry("NoteStatus.", names(org.hearth.notes.NoteStatus.values())),
            Map.entry("ChangeTalkCategory.", names(org.hearth.notes.ChangeTalkCategory.values())),
            Map.entry("CraftProcedure.", names(org.hearth.notes.CraftProcedure.values())),
            Map.entry("MitiBand.", names(org.hearth.notes.MitiBand.values())),
            Map.entry("EventKind.", names(org.hearth.engagement.EventKind.values())),
            Map.entry("OfferedBy.", names(org.hearth.engagement.OfferedBy.values())),
            Map.entry("OfferResponse.", names(org.hearth.engagement.OfferResponse.values())),
            Map.entry("RefusalReason.", names(org.hearth.engagement.RefusalReason.values())),
            Map.entry("LevelOfCare.", names(org.hearth.engagement.LevelOfCare.values())),
            Map.entry("CriticalEventKind.", names(org.hearth.engagement.CriticalEventKind.values())),
            Map.entry("HarmReduction.", names(org.hearth.engagement.HarmReduction.values())),
            Map.entry("FamilyStrategy.", names(org.hearth.engagement.FamilyStrategy.values())),
            Map.entry("episodes.highRisk.", names(org.hearth.engagement.RiskAlerts.RiskReason.values())),
            Map.entry("episodes.highRiskShort.", names(org.hearth.engagement.RiskAlerts.RiskReason.values())),
            Map.entry("episodes.attention.scope.", names(org.hearth.engagement.Episodes.Scope.values())),
            Map.entry("episodes.retention.state.", names(org.hearth.engagement.FollowUp.CheckState.values())),
            Map.entry("episodes.stages.source.", names(org.hearth.engagement.EpisodeView.StageSource.values())),
            Map.entry(
                    "episodes.riskFactor.",
                    List.of("lostTolerance", "usingAlone", "fentanyl", "mixingWithDepressants")),
            Map.entry("StageOfChange.short.", names(org.hearth.family.StageOfChange.values())),
            Map.entry("audit.chain.broken.", names(org.hearth.audit.AuditChain.Break.values())),
            Map.entry("audit.outcome.", names(org.hearth.audit.AuditOutcome.values())),
            Map.entry("DisclosureScope.", names(org.hearth.consent.DisclosureScope.values())),
            Map.entry("GroupSessionStatus.", names(org.hearth.groups.GroupSessionStatus.values())),
            Map.entry("EnrollmentStatus.", names(org.hearth.groups.EnrollmentStatus.values())),
            Map.entry("AttendanceMark.", names(org.hearth.groups.AttendanceMark.values())),
            Map.entry("groups.member.enrolled.", names(org.hearth.groups.EnrollmentStatus.values())),
            Map.entry("families.intake.step.", names(org.hearth.web.view.families.IntakeBacking.Step.values())),
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
        return java.util.Arrays.stream(values).map(Enum::name).toList();
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
