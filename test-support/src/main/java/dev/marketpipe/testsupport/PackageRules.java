package dev.marketpipe.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rule of every module: inside a module, the packages directly below its root depend on each other one
 * way only, so each package can be read (and changed) knowing only the packages below it. A module's
 * {@code ArchitectureTest} calls {@link #assertOneWay(String)} with its root package.
 */
public final class PackageRules {

    private PackageRules() {
    }

    /** Fails with every cycle between the packages directly below {@code rootPackage} in the main code. */
    public static void assertOneWay(String rootPackage) {
        JavaClasses mainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
        if (mainClasses.isEmpty()) {
            throw new AssertionError("no main classes found below " + rootPackage);
        }
        slices().matching(rootPackage + ".(*)..")
                .should().beFreeOfCycles()
                .because("packages inside a module point one way")
                .check(mainClasses);
    }
}
