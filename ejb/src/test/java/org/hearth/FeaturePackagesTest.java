package org.hearth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on every build: each feature is a package of its own
 * ({@code org.hearth.family}, {@code org.hearth.appointments}, ...), and no two features lean on each other
 * in a circle, so each can be read, tested and changed from its own package down. The shared vocabulary
 * ({@code org.hearth.security}: roles and refusals; {@code org.hearth.time}: the clinic's clock) depends on no
 * feature, so every feature can use it.
 */
class FeaturePackagesTest {

    private static JavaClasses hearth;

    @BeforeAll
    static void importTheMainClasses() {
        hearth = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hearth");
    }

    @Test
    void noFeaturePackageDependsOnAnotherInACircle() {
        slices().matching("org.hearth.(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(hearth);
    }

    @Test
    void rolesRefusalsAndTheClinicClockDependOnNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage("org.hearth.security..", "org.hearth.time..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("org.hearth.security..", "org.hearth.time..", "java..", "jakarta..")
                .check(hearth);
    }
}
