package org.hearth.providers;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hearth.engagement.LevelOfCare;
import org.hearth.security.Invalid;

/**
 * Reads a file in the shape of the public treatment locator's facility export (FindTreatment.gov): one row per
 * facility, its name, address and phone as columns ({@code name1}, {@code name2}, {@code street1}, {@code street2},
 * {@code city}, {@code state}, {@code zip}, {@code phone}, {@code website}), and each service, payment, language and
 * population as a column of its own short code holding 1 (offered) or 0. Hearth adds {@code locator_id}, the
 * facility's id in the locator, so that importing the same facility again updates its entry. Columns Hearth does not
 * use (latitude, longitude, intake numbers...) are ignored. docs/providers-import.md lists every code and what it
 * becomes.
 *
 * <p>Each row is checked with {@link ProviderRules} and every problem is named by row and column; nothing here
 * touches the database.
 */
public final class LocatorCsv {

    /** The most rows one file may have. */
    public static final int MOST_ROWS = 5000;

    public static final String LOCATOR_ID = "locator_id";

    /** Columns a file must have (the locator requires them of every facility). */
    static final List<String> REQUIRED = List.of("name1", "city", "state");

    /** Levels of care by the locator's service code. */
    static final Map<String, LevelOfCare> LEVELS = ordered(Map.of(
            "DT", LevelOfCare.WITHDRAWAL_MANAGEMENT,
            "RES", LevelOfCare.RESIDENTIAL,
            "PHDT", LevelOfCare.PARTIAL_HOSPITALIZATION,
            "OIT", LevelOfCare.INTENSIVE_OUTPATIENT,
            "OP", LevelOfCare.OUTPATIENT,
            "OTP", LevelOfCare.OPIOID_TREATMENT_PROGRAM,
            "OBOT", LevelOfCare.OFFICE_BASED_BUPRENORPHINE));

    /** Medications for opioid use disorder by the locator's code. */
    static final Map<String, OudMedication> MEDICATIONS = ordered(Map.of(
            "MM", OudMedication.METHADONE,
            "BWN", OudMedication.BUPRENORPHINE_NALOXONE,
            "BWON", OudMedication.BUPRENORPHINE_MONO,
            "BERI", OudMedication.BUPRENORPHINE_EXTENDED_RELEASE,
            "VTRL", OudMedication.NALTREXONE_EXTENDED_RELEASE));

    /** Payment accepted by the locator's code. */
    static final Map<String, Payment> PAYMENTS = ordered(Map.of(
            "MD", Payment.MEDICAID,
            "MC", Payment.MEDICARE,
            "PI", Payment.PRIVATE_INSURANCE,
            "SF", Payment.SLIDING_FEE,
            "NOFEE", Payment.FREE));

    /** Languages other than English by the locator's code. */
    static final Map<String, String> LANGUAGES = ordered(Map.of("SP", "es", "AH", "asl"));

    /** Populations served by the locator's code. */
    static final Map<String, Population> POPULATIONS = ordered(Map.of(
            "AD", Population.ADOLESCENTS,
            "YAD", Population.YOUNG_ADULTS,
            "WN", Population.ADULT_WOMEN,
            "PW", Population.PREGNANT_OR_POSTPARTUM,
            "MN", Population.ADULT_MEN,
            "SE", Population.SENIORS,
            "VET", Population.VETERANS,
            "GL", Population.LGBTQ,
            "CJ", Population.CRIMINAL_JUSTICE));

    /** The code saying the facility treats co-occurring mental-health and substance use conditions. */
    static final String CO_OCCURRING = "CO";

    /** More languages, as codes separated by spaces or semicolons (Hearth's column; English is always served). */
    static final String MORE_LANGUAGES = "languages";

    /** Where a field of {@link ProviderDetails} comes from, to name the column a problem is about. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
            "name", "name1",
            "street", "street1",
            "city", "city",
            "state", "state",
            "zip", "zip",
            "phone", "phone",
            "website", "website",
            "languages", MORE_LANGUAGES);

    private LocatorCsv() {}

    /** One row read: its details as they would be kept, confirmed {@code today}, and its problems. */
    public record Row(int row, String locatorId, ProviderDetails details, List<ImportProblem> problems) {

        public Row {
            problems = List.copyOf(problems);
        }
    }

    /** The rows of a file, and the problems of the file as a whole. */
    public record Read(List<Row> rows, List<ImportProblem> fileProblems) {

        public Read {
            rows = List.copyOf(rows);
            fileProblems = List.copyOf(fileProblems);
        }
    }

    /** Reads the whole file; never throws for what the file holds, it names the problems instead. */
    public static Read read(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return new Read(List.of(), List.of(fileProblem("provider.import.empty")));
        }
        String content = text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW)
                .get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(content))
                .setFormat(format)
                .get()) {
            List<String> missing = REQUIRED.stream()
                    .filter(column -> !isMapped(parser, column))
                    .toList();
            if (!missing.isEmpty()) {
                return new Read(
                        List.of(),
                        List.of(new ImportProblem(
                                1,
                                null,
                                Invalid.Reason.of(
                                        null, "provider.import.missingColumns", String.join(", ", missing)))));
            }
            int headerSize = parser.getHeaderNames().size();
            Map<String, Integer> seenLocatorIds = new HashMap<>();
            for (CSVRecord record : parser) {
                if (rows.size() == MOST_ROWS) {
                    return new Read(
                            List.of(),
                            List.of(new ImportProblem(
                                    0,
                                    null,
                                    Invalid.Reason.of(null, "provider.import.tooLong", String.valueOf(MOST_ROWS)))));
                }
                Row row = rowOf(parser, record, headerSize, today);
                if (row.locatorId() != null) {
                    Integer first = seenLocatorIds.putIfAbsent(row.locatorId(), row.row());
                    if (first != null) {
                        List<ImportProblem> problems = new ArrayList<>(row.problems());
                        problems.add(new ImportProblem(
                                row.row(),
                                LOCATOR_ID,
                                Invalid.Reason.of(
                                        LOCATOR_ID,
                                        "provider.import.duplicate",
                                        row.locatorId(),
                                        String.valueOf(first))));
                        row = new Row(row.row(), row.locatorId(), row.details(), problems);
                    }
                }
                rows.add(row);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
            // a broken quote, a duplicated column name: said once for the file, with the parser's own words
            return new Read(
                    List.of(),
                    List.of(new ImportProblem(
                            0,
                            null,
                            Invalid.Reason.of(
                                    null, "provider.import.unreadable", String.valueOf(unreadable.getMessage())))));
        }
        if (rows.isEmpty()) {
            return new Read(List.of(), List.of(fileProblem("provider.import.empty")));
        }
        return new Read(rows, List.of());
    }

    private static Row rowOf(CSVParser parser, CSVRecord record, int headerSize, LocalDate today) {
        int row = (int) record.getRecordNumber() + 1;
        List<ImportProblem> problems = new ArrayList<>();
        if (record.size() != headerSize) {
            problems.add(new ImportProblem(
                    row,
                    null,
                    Invalid.Reason.of(
                            null,
                            "provider.import.columnCount",
                            String.valueOf(record.size()),
                            String.valueOf(headerSize))));
        }
        String locatorId = text(parser, record, LOCATOR_ID);
        if (locatorId != null && locatorId.length() > 40) {
            problems.add(new ImportProblem(row, LOCATOR_ID, Invalid.Reason.of(LOCATOR_ID, "provider.length", "40")));
            locatorId = null;
        }
        Set<LevelOfCare> levels = EnumSet.noneOf(LevelOfCare.class);
        LEVELS.forEach((code, level) -> {
            if (flag(parser, record, code, row, problems)) {
                levels.add(level);
            }
        });
        Set<OudMedication> medications = EnumSet.noneOf(OudMedication.class);
        MEDICATIONS.forEach((code, medication) -> {
            if (flag(parser, record, code, row, problems)) {
                medications.add(medication);
            }
        });
        Set<Payment> payments = EnumSet.noneOf(Payment.class);
        PAYMENTS.forEach((code, payment) -> {
            if (flag(parser, record, code, row, problems)) {
                payments.add(payment);
            }
        });
        Set<String> languages = new TreeSet<>();
        languages.add("en");
        LANGUAGES.forEach((code, language) -> {
            if (flag(parser, record, code, row, problems)) {
                languages.add(language);
            }
        });
        String more = text(parser, record, MORE_LANGUAGES);
        if (more != null) {
            for (String code : more.split("[;,\\s]+")) {
                if (!code.isBlank()) {
                    languages.add(code.toLowerCase(Locale.ROOT));
                }
            }
        }
        Set<Population> populations = EnumSet.noneOf(Population.class);
        POPULATIONS.forEach((code, population) -> {
            if (flag(parser, record, code, row, problems)) {
                populations.add(population);
            }
        });
        boolean coOccurring = flag(parser, record, CO_OCCURRING, row, problems);
        ProviderDetails details = ProviderRules.normalized(new ProviderDetails(
                joined(text(parser, record, "name1"), text(parser, record, "name2"), " - "),
                joined(text(parser, record, "street1"), text(parser, record, "street2"), ", "),
                text(parser, record, "city"),
                text(parser, record, "state"),
                text(parser, record, "zip"),
                text(parser, record, "phone"),
                text(parser, record, "website"),
                levels,
                medications,
                payments,
                languages,
                populations,
                coOccurring,
                null,
                null,
                today,
                null));
        for (Invalid.Reason reason : ProviderRules.reasons(details, today)) {
            String column = COLUMN_OF_FIELD.getOrDefault(reason.field(), reason.field());
            problems.add(new ImportProblem(
                    row,
                    column,
                    new Invalid.Reason(
                            column, reason.messageKey(), reason.arguments(), reason.formatted(), reason.written())));
        }
        return new Row(row, locatorId, details, problems);
    }

    /** A code column: 1 (or Y) offered, 0, N or empty not; anything else is a problem of that cell. */
    private static boolean flag(
            CSVParser parser, CSVRecord record, String code, int row, List<ImportProblem> problems) {
        String value = text(parser, record, code);
        if (value == null) {
            return false;
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "1", "Y", "YES" -> true;
            case "0", "N", "NO" -> false;
            default -> {
                problems.add(
                        new ImportProblem(row, code, Invalid.Reason.of(code, "provider.import.flag", code, value)));
                yield false;
            }
        };
    }

    private static String text(CSVParser parser, CSVRecord record, String column) {
        if (!isMapped(parser, column) || !record.isSet(parser.getHeaderMap().get(headerName(parser, column)))) {
            return null;
        }
        String value = record.get(parser.getHeaderMap().get(headerName(parser, column)));
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean isMapped(CSVParser parser, String column) {
        return headerName(parser, column) != null;
    }

    /** The header as the file spells it (any case), or null when the file has no such column. */
    private static String headerName(CSVParser parser, String column) {
        for (String name : parser.getHeaderNames()) {
            if (name.equalsIgnoreCase(column)) {
                return name;
            }
        }
        return null;
    }

    private static String joined(String first, String second, String separator) {
        if (first == null) {
            return second == null ? null : second;
        }
        return second == null ? first : first + separator + second;
    }

    private static ImportProblem fileProblem(String key) {
        return new ImportProblem(0, null, Invalid.Reason.plain(null, key));
    }

    private static <V> Map<String, V> ordered(Map<String, V> codes) {
        Map<String, V> sorted = new LinkedHashMap<>();
        codes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
