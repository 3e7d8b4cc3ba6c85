package org.mlcycle.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mlcycle.toolkit.drift.DriftOptions;

class DriftRequestTest {
    private static final DriftOptions OPTIONS = DriftOptions.defaults();
    private static final DriftRequest WHOLE = DriftRequest.between("old", "lastMonth", "new", "yesterday", OPTIONS);

    private static String refused(Executable request) {
        return assertThrows(IllegalArgumentException.class, request).getMessage();
    }

    @Test
    @DisplayName("a request is whole unless it names a time column, and then it keeps the rest")
    void wholeOrWindowed() {
        DriftRequest daily = WHOLE.overTime("day", Duration.ofDays(1));

        assertFalse(WHOLE.windowed());
        assertTrue(daily.windowed());
        assertEquals("day", daily.timeColumn());
        assertEquals(Duration.ofDays(1), daily.window());
        assertEquals(WHOLE, new DriftRequest("old", "lastMonth", "new", "yesterday", OPTIONS, null, null));
        assertEquals("yesterday", daily.currentName());
    }

    @Test
    @DisplayName("a bad request is refused in one line that names the bad argument")
    void refusesBadArguments() {
        assertEquals(
                "drift: the reference table is null",
                refused(() -> DriftRequest.between(null, "lastMonth", "new", "yesterday", OPTIONS)));
        assertEquals(
                "drift: the current table has no name",
                refused(() -> DriftRequest.between("old", "lastMonth", "new", " ", OPTIONS)));
        assertEquals(
                "drift: the options are null",
                refused(() -> DriftRequest.between("old", "lastMonth", "new", "yesterday", null)));
        assertEquals(
                "drift: a window (PT24H) needs a time column",
                refused(() ->
                        new DriftRequest("old", "lastMonth", "new", "yesterday", OPTIONS, null, Duration.ofDays(1))));
        assertEquals("drift: time column 'day' needs a window", refused(() -> WHOLE.overTime("day", null)));
        assertEquals("drift: the time column name is blank", refused(() -> WHOLE.overTime("", Duration.ofDays(1))));
        assertEquals(
                "drift: the window must be a positive duration, got PT0S",
                refused(() -> WHOLE.overTime("day", Duration.ZERO)));
        assertEquals(
                "drift: the window must be a positive duration, got PT-24H",
                refused(() -> WHOLE.overTime("day", Duration.ofDays(-1))));
    }
}
