package dev.macsec.conformance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package structure the README's Layout describes, checked on the main classes of both modules: no package
 * depends on itself through others (each package its own slice, so a parent and its subpackage count as two),
 * and nothing outside the harness depends on it, so the analyzer stays usable without it. The analyzer library
 * reads captures without the command line's picocli or live capture's pcap4j/JNA, which only the {@code cli} and
 * {@code live} packages (module macsec-cli) use.
 */
class ArchitectureTest {
    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = new ClassFileImporter()
                .withImportOption(ArchitectureTest::isMainCode)
                .importPackages("dev.macsec");
        // an empty import would pass every rule below
        assertTrue(mainClasses.containPackage("dev.macsec.secy"), "analyzer classes imported");
        assertTrue(mainClasses.containPackage("dev.macsec.conformance.suite"), "conformance classes imported");
    }

    /** Test classes are left out whether they come from a directory or from the analyzer's test jar. */
    private static boolean isMainCode(Location location) {
        return new ImportOption.DoNotIncludeTests().includes(location) && !location.contains("-tests.jar");
    }

    @Test
    void noPackageCycle() {
        slices().matching("dev.macsec.(**)").should().beFreeOfCycles().check(mainClasses);
    }

    @Test
    void analyzerCodeDoesNotUseTheHarness() {
        noClasses().that().resideOutsideOfPackage("dev.macsec.conformance..")
                .should().dependOnClassesThat().resideInAPackage("dev.macsec.conformance..")
                .check(mainClasses);
    }

    @Test
    void analyzerLibraryNeedsNeitherPicocliNorLibpcap() {
        noClasses().that().resideInAPackage("dev.macsec..")
                .and().resideOutsideOfPackages("dev.macsec.cli..", "dev.macsec.live..", "dev.macsec.conformance..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.pcap4j..", "com.sun.jna..")
                .check(mainClasses);
    }
}
