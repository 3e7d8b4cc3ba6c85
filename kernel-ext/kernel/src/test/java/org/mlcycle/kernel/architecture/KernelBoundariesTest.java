package org.mlcycle.kernel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlcycle.kernel.MlcycleKernel;

/**
 * The kernel's boundaries: every class it ships lives in its own packages (none in jjava-jupyter's,
 * which breaks on the module path and on any change of jjava-jupyter's package-private parts), and
 * it knows nothing about ML: the toolkit, the extension's magics, the course and the ML libraries
 * reach notebooks only through the extension, which ServiceLoader finds at run time.
 */
class KernelBoundariesTest {
    private static JavaClasses kernel;

    @BeforeAll
    static void importKernel() throws URISyntaxException {
        // the kernel module's own classes only (the test class path also holds the extension's jars)
        Path own = Path.of(MlcycleKernel.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        kernel = new ClassFileImporter().importPath(own);
    }

    @Test
    void everyClassLivesInTheKernelsOwnPackages() {
        classes()
                .should()
                .resideInAPackage("org.mlcycle.kernel..")
                .because(
                        "a class in jjava-jupyter's package (a split package) reaches its internals and breaks with it")
                .check(kernel);
    }

    @Test
    void theKernelImportsNoMachineLearning() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.mlcycle.toolkit..",
                        "org.mlcycle.magics..",
                        "org.mlcycle.course..",
                        "tech.tablesaw..",
                        "org.tribuo..",
                        "org.knowm.xchart..",
                        "org.apache.commons.math3..")
                .because("the kernel is a Java kernel; mlcycle's extension brings the ML")
                .check(kernel);
    }
}
