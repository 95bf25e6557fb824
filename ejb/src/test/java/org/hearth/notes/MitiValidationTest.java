package org.hearth.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.notes.MitiCountsBuilder.counts;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A MITI coding form refuses impossible counts and scores, with a message in English and in Spanish. */
class MitiValidationTest {

    private static ValidatorFactory english;
    private static ValidatorFactory spanish;

    @BeforeAll
    static void buildValidators() {
        english = factoryFor(Locale.ENGLISH);
        spanish = factoryFor(Locale.forLanguageTag("es"));
    }

    @AfterAll
    static void closeValidators() {
        english.close();
        spanish.close();
    }

    private static ValidatorFactory factoryFor(Locale locale) {
        return Validation.byProvider(HibernateValidator.class)
                .configure()
                .defaultLocale(locale)
                .locales(locale)
                .buildValidatorFactory();
    }

    /** Each broken rule's property and message. */
    private static <T> Map<String, String> problems(T coded, Validator validator) {
        Map<String, String> problems = new HashMap<>();
        for (ConstraintViolation<T> violation : validator.validate(coded)) {
            problems.put(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return problems;
    }

    private static <T> Map<String, String> problems(T coded) {
        return problems(coded, english.getValidator());
    }

    @Test
    void countsFromZeroTo999AreValid() {
        assertThat(problems(counts().build())).isEmpty();
        assertThat(problems(counts().questions(999).confront(999).build())).isEmpty();
    }

    @Test
    void aNegativeCountIsRefusedOnce() {
        MitiCounts negative = counts().questions(12).complexReflections(-1).build();

        assertThat(problems(negative))
                .containsOnly(Map.entry("complexReflections", "A behaviour count is from 0 to 999."));
        assertThat(english.getValidator().validate(negative)).hasSize(1);
    }

    @Test
    void aCountOfAThousandIsRefused() {
        assertThat(problems(counts().persuade(1000).build()))
                .containsOnly(Map.entry("persuade", "A behaviour count is from 0 to 999."));
    }

    @Test
    void globalsFromOneToFiveAreValid() {
        assertThat(problems(new MitiGlobals(1, 5, 3, 4))).isEmpty();
    }

    @Test
    void aGlobalOfSixOrZeroIsRefused() {
        assertThat(problems(new MitiGlobals(6, 3, 0, 4)))
                .containsOnly(
                        Map.entry("cultivatingChangeTalk", "A global score is from 1 to 5."),
                        Map.entry("partnership", "A global score is from 1 to 5."));
    }

    @Test
    void everyGlobalMustBeScored() {
        assertThat(problems(new MitiGlobals(4, null, 4, null)))
                .containsOnly(
                        Map.entry("softeningSustainTalk", "Give each global score, from 1 to 5."),
                        Map.entry("empathy", "Give each global score, from 1 to 5."));
    }

    @Test
    void everyRuleHasASpanishMessage() {
        Validator inSpanish = spanish.getValidator();

        assertThat(problems(counts().affirm(-2).build(), inSpanish))
                .containsOnly(Map.entry("affirm", "Un recuento de conductas va de 0 a 999."));
        assertThat(problems(new MitiGlobals(6, null, 3, 3), inSpanish))
                .containsOnly(
                        Map.entry("cultivatingChangeTalk", "Una puntuación global va de 1 a 5."),
                        Map.entry("softeningSustainTalk", "Indique cada puntuación global, de 1 a 5."));
    }
}
