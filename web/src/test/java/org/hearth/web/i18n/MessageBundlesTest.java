package org.hearth.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text a page shows exists in English and in Spanish. */
class MessageBundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/org/hearth/web/i18n");
    private static final Path PAGES = Path.of("src/main/webapp");
    private static final Pattern KEY_IN_PAGE = Pattern.compile("i18n\\['([a-zA-Z0-9._-]+)'\\]");
    private static final Pattern ROLE_KEY_IN_PAGE = Pattern.compile("i18n\\['role\\.' \\+= ");

    @Test
    void englishAndSpanishHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");

        assertThat(spanish.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (Properties bundle : new Properties[] {english, spanish}) {
            assertThat(bundle.stringPropertyNames())
                    .allSatisfy(
                            key -> assertThat(bundle.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void everyKeyThePagesUseExists() throws IOException {
        Properties english = load("messages.properties");
        Set<String> used = new TreeSet<>();
        boolean rolesUsed = false;
        try (Stream<Path> pages = Files.walk(PAGES)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                String source = Files.readString(page, StandardCharsets.UTF_8);
                Matcher keys = KEY_IN_PAGE.matcher(source);
                while (keys.find()) {
                    used.add(keys.group(1));
                }
                rolesUsed |= ROLE_KEY_IN_PAGE.matcher(source).find();
            }
        }

        assertThat(used).isNotEmpty();
        assertThat(english.stringPropertyNames()).containsAll(used);
        if (rolesUsed) {
            assertThat(english.stringPropertyNames())
                    .contains("role.front-desk", "role.counselor", "role.supervisor", "role.admin");
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
