package org.mlcycle.toolkit.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.errorprone.annotations.CheckReturnValue;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A type whose {@code withX(...)} methods return a changed copy is easy to misuse: {@code
 * options.withBins(20);} without keeping the result changes nothing, silently. Every such type
 * carries {@link CheckReturnValue}, so ErrorProne (and IDEs that read it) flag the dropped copy.
 */
class ImmutableBuildersTest {

    @Test
    void everyTypeWithCopyingWithMethodsAsksForItsResultToBeUsed() {
        List<String> unmarked = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.mlcycle.toolkit")
                        .stream()
                        .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                        .filter(ImmutableBuildersTest::hasCopyingWithMethods)
                        .filter(c -> !c.isAnnotatedWith(CheckReturnValue.class))
                        .map(JavaClass::getName)
                        .sorted()
                        .toList();
        assertEquals(List.of(), unmarked, "types whose with-methods return a copy, without @CheckReturnValue");
    }

    private static boolean hasCopyingWithMethods(JavaClass c) {
        return c.getMethods().stream()
                .anyMatch(m -> m.getModifiers().contains(JavaModifier.PUBLIC)
                        && !m.getModifiers().contains(JavaModifier.STATIC)
                        && m.getName().startsWith("with")
                        && m.getName().length() > 4
                        && Character.isUpperCase(m.getName().charAt(4))
                        && m.getRawReturnType().equals(c));
    }
}
