package org.hearth.web.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.util.List;
import org.hearth.security.Invalid;
import org.junit.jupiter.api.Test;

class YesNoFieldsTest {

    public record Member(String fullName, boolean safeToMail) {}

    public record Family(String familyName, Boolean telehealth, List<Member> members) {}

    private static final Type FAMILY = Family.class;

    @Test
    void trueFalseAndNullPassAsDoOtherFields() {
        assertThatCode(() -> YesNoFields.check(
                        json("{\"familyName\": \"Reyes\", \"telehealth\": null,"
                                + " \"members\": [{\"fullName\": \"Rosa\", \"safeToMail\": false}]}"),
                        FAMILY,
                        ""))
                .doesNotThrowAnyException();
        assertThatCode(() -> YesNoFields.check(json("{\"telehealth\": true}"), FAMILY, ""))
                .doesNotThrowAnyException();
    }

    @Test
    void aStringOrANumberInAYesNoFieldIsRefusedNamingTheField() {
        assertThatThrownBy(() -> YesNoFields.check(json("{\"telehealth\": \"yes\"}"), FAMILY, ""))
                .isInstanceOf(Invalid.class)
                .hasMessage("telehealth takes true or false.");
        assertThatThrownBy(() -> YesNoFields.check(
                        json("{\"members\": [{\"safeToMail\": true}, {\"safeToMail\": -1}]}"), FAMILY, ""))
                .isInstanceOf(Invalid.class)
                .hasMessage("members[1].safeToMail takes true or false.");
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
