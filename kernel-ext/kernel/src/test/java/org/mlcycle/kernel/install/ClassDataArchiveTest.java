package org.mlcycle.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How long a kernel run making the class archive may take, from $MLCYCLE_ARCHIVE_SECONDS. */
class ClassDataArchiveTest {
    @Test
    void theLimitComesFromTheVariableWithADefault() {
        assertEquals(120, ClassDataArchive.limitSeconds(null));
        assertEquals(120, ClassDataArchive.limitSeconds(" "));
        assertEquals(30, ClassDataArchive.limitSeconds(" 30 "));
        assertEquals(0, ClassDataArchive.limitSeconds("0")); // no archive
        assertEquals(0, ClassDataArchive.limitSeconds("-5"));
        assertEquals(120, ClassDataArchive.limitSeconds("two minutes"));
    }
}
