package org.hearth.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hearth.testing.ApiClient;
import org.hearth.testing.Browser;
import org.hearth.testing.Deployments;
import org.hearth.testing.ForeignRecords;
import org.hearth.testing.ForeignRecords.Kind;
import org.hearth.testing.HearthStack;
import org.hearth.testing.Sql;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The foreign-id sweep over the pages, in the browser: every page that takes a record's id as a parameter
 * (read from the pages' own {@code f:viewParam}s in the EAR under test, so a new one cannot be missed) is opened
 * by each role with the id of another program's record and with an id of no record. Both must give the same
 * answer - the refusal page, or for a counselor opening a family record the emergency page that asks why - and
 * neither may show the other family's name, case number, members, group or note text.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class ForeignIdsPagesIT {

    /** Pages whose GET changes something and that only a link Hearth rendered may open (protected views). */
    private static final Set<String> PROTECTED = Set.of("notes/open.xhtml");

    /** What the front desk may not see of any family: its clinical pages. */
    private static final Set<Kind> CLINICAL = Set.of(Kind.NOTE, Kind.GROUP_NOTE, Kind.EPISODE, Kind.APPOINTMENT);

    private static final Set<String> CLINICAL_PAGES = Set.of("families/intake.xhtml", "families/consents.xhtml");

    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    /** A page and the record each of its id parameters names. */
    private record Page(String path, Map<String, Kind> ids) {

        String address(Map<Kind, String> records) {
            return path
                    + ids.entrySet().stream()
                            .map(id -> id.getKey() + "=" + records.get(id.getValue()))
                            .collect(Collectors.joining("&", "?", ""));
        }
    }

    @Test
    void aForeignIdOnAnyPageIsRefusedAsAnIdOfNoRecordAndShowsNothingOfTheRecord() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ForeignRecords foreign = ForeignRecords.inAnotherProgram(new ApiClient(), database, suffix);
        Map<Kind, String> missing = ForeignRecords.missing(database, suffix);

        List<Page> pages = pagesTakingIds();
        assertThat(pages).as("pages with id parameters, read from the pages").hasSizeGreaterThan(12);
        List<String> wrong = new ArrayList<>();
        int opened = 0;
        for (String user : List.of("carlos", "sam", "frida", "ada")) {
            try (Browser browser = Browser.open()) {
                browser.signIn(user);
                for (Page page : pages) {
                    if (user.equals("frida")
                            && page.ids().values().stream().noneMatch(CLINICAL::contains)
                            && !CLINICAL_PAGES.contains(page.path())) {
                        continue; // the front desk works with every family's contacts, sessions and groups
                    }
                    String theirs = answer(browser, page.address(foreign.ids()));
                    String source = browser.driver().getPageSource().toLowerCase(Locale.ROOT);
                    String nobodys = answer(browser, page.address(missing));
                    opened += 2;
                    String asked = user + " " + page.address(foreign.ids());
                    // a report's scope is a filter on the page: one not the reader's is refused above their own
                    // figures, or left aside; never shown (the program's name is among the secrets)
                    boolean refusedOnThePage = theirs.equals("page")
                            && Set.of(Kind.PROGRAM, Kind.COUNSELOR)
                                    .containsAll(page.ids().values());
                    if (!theirs.equals("403") && !theirs.equals("emergency") && !refusedOnThePage) {
                        wrong.add(asked + ": " + theirs);
                    }
                    if (!theirs.equals(nobodys)) {
                        wrong.add(asked + ": " + theirs + ", but for no record " + nobodys);
                    }
                    for (String secret : foreign.secrets()) {
                        if (source.contains(secret.toLowerCase(Locale.ROOT))) {
                            wrong.add(asked + ": the page shows " + secret);
                        }
                    }
                }
            }
        }
        String figures = pages.size() + " pages, " + opened + " opened";
        // the sweep's size, for the README and for whoever reads the run
        Files.writeString(
                Path.of(System.getProperty("hearth.test.work", "target"), "foreign-id-sweep-pages.txt"),
                figures + "\n");
        assertThat(opened).as("pages opened").isGreaterThan(60);
        assertThat(wrong)
                .as("foreign ids on pages not refused as ids of no record")
                .isEmpty();
    }

    /** The page's answer: the refusal page, the emergency page asking why, the page itself, or something else. */
    private static String answer(Browser browser, String address) {
        browser.open(address);
        browser.waitForPage();
        if (!browser.driver().findElements(By.id("access-denied")).isEmpty()) {
            return "403";
        }
        if (browser.driver().getCurrentUrl().contains("families/emergency.xhtml")
                && !browser.driver().findElements(By.id("emergency-form")).isEmpty()) {
            return "emergency";
        }
        return browser.driver().findElements(By.id("page-heading")).isEmpty() ? "nothing" : "page";
    }

    /** Every page of the EAR under test with a view parameter that names a record, and what each names. */
    private static List<Page> pagesTakingIds() {
        WebArchive war = Deployments.hearth().getAsType(WebArchive.class, "hearth-web.war");
        Pattern parameter = Pattern.compile("<f:viewParam\\s+name=\"([^\"]+)\"");
        Map<String, Page> pages = new TreeMap<>();
        for (Map.Entry<ArchivePath, Node> entry : war.getContent().entrySet()) {
            String name = entry.getKey().get();
            if (!name.endsWith(".xhtml") || name.startsWith("/WEB-INF") || name.startsWith("/errors")) {
                continue;
            }
            String path = name.substring(1);
            if (PROTECTED.contains(path)) {
                continue;
            }
            Matcher found = parameter.matcher(read(entry.getValue()));
            Map<String, Kind> ids = new LinkedHashMap<>();
            while (found.find()) {
                Kind kind = kindOf(path, found.group(1));
                if (kind != null) {
                    ids.put(found.group(1), kind);
                }
            }
            if (!ids.isEmpty()) {
                pages.put(path, new Page(path, ids));
            }
        }
        return List.copyOf(pages.values());
    }

    /** What a page's parameter names, or null for one that is not a record's id (days, sorting, a figure). */
    private static Kind kindOf(String page, String parameter) {
        return switch (parameter) {
            case "id" -> switch (page) {
                case "families/record.xhtml",
                        "families/intake.xhtml",
                        "families/consents.xhtml",
                        "families/book-session.xhtml",
                        "families/emergency.xhtml" -> Kind.FAMILY;
                case "episodes/episode.xhtml" -> Kind.EPISODE;
                case "notes/note.xhtml" -> Kind.NOTE;
                case "notes/group.xhtml" -> Kind.GROUP_NOTE;
                case "groups/group.xhtml", "groups/rule.xhtml" -> Kind.GROUP;
                    // the directory is the clinic's, read by every role: no provider is another program's
                case "providers/provider.xhtml" -> null;
                    // issue 25, resources: the community-resource directory likewise
                case "community/resource.xhtml" -> null;
                default -> throw new IllegalStateException("the sweep does not know what id names on " + page);
            };
            case "session" -> page.startsWith("groups/") ? Kind.GROUP_SESSION : Kind.APPOINTMENT;
            case "group-session" -> Kind.GROUP_SESSION;
            case "program" -> Kind.PROGRAM;
            case "counselor" -> Kind.COUNSELOR;
            case "from", "to", "date", "mine", "figure", "key", "scope", "sort", "tab" -> null;
            default -> throw new IllegalStateException(
                    "the sweep does not know what " + parameter + " names on " + page);
        };
    }

    private static String read(Node node) {
        try (InputStream in = node.getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
