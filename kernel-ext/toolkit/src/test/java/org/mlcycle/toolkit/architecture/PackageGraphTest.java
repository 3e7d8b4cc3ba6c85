package org.mlcycle.toolkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The toolkit's package graph: dependencies point one way (no package reaches back into one that
 * reaches it), and the toolkit stays plain Java that a stock JJava kernel, a script or a server can
 * load: no Jupyter, kernel or magics types.
 */
class PackageGraphTest {
    private static JavaClasses toolkit;

    @BeforeAll
    static void importToolkit() {
        toolkit = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mlcycle.toolkit");
    }

    @Test
    void noCycleBetweenAnyTwoPackages() {
        // every package on its own: quality and quality.x are two slices
        slices().matching("org.mlcycle.toolkit.(**)").should().beFreeOfCycles().check(toolkit);
    }

    @Test
    void noCycleBetweenTopLevelPackages() {
        // a package with its subpackages as one slice: quality.* and drift may not reach each other both ways
        slices().matching("org.mlcycle.toolkit.(*)..").should().beFreeOfCycles().check(toolkit);
    }

    @Test
    void noJupyterTypes() {
        noClasses()
                .that()
                .resideInAPackage("org.mlcycle.toolkit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.dflib.jjava..", "org.mlcycle.kernel..", "org.mlcycle.magics..", "org.mlcycle.hooks..")
                .because("the toolkit is plain Java; only kernel-ext/magics knows Jupyter")
                .check(toolkit);
    }

    @Test
    void noProgramsInTheLibrary() {
        noMethods()
                .that()
                .areStatic()
                .and()
                .arePublic()
                .should()
                .haveName("main")
                .because("benchmarks and tools live in kernel-ext/bench, not in the library jar")
                .check(toolkit);
    }
}
