package org.hearth.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web module's two doors over the same services stay apart: the pages ({@code org.hearth.web.view}) and the
 * REST API ({@code org.hearth.web.api}) each map a refusal in their own way and never borrow from each other,
 * and the page beans of one area lean on no other area in a circle.
 */
class WebLayersTest {

    private static JavaClasses web;

    @BeforeAll
    static void importTheWebClasses() {
        web = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hearth.web");
    }

    @Test
    void pagesImportNothingFromTheRestApi() {
        noClasses()
                .that()
                .resideInAPackage("org.hearth.web.view..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.hearth.web.api..")
                .check(web);
    }

    @Test
    void theRestApiImportsNothingFromThePages() {
        noClasses()
                .that()
                .resideInAPackage("org.hearth.web.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.hearth.web.view..")
                .check(web);
    }

    @Test
    void noAreaOfPagesDependsOnAnotherInACircle() {
        slices().matching("org.hearth.web.view.(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(web);
    }
}
