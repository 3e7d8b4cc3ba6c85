package org.mlcycle.toolkit.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessageBundleTest {
    private static final MessageBundle HALF_DONE =
            MessageBundle.of("org.mlcycle.toolkit.i18n.halfdone", MessageBundleTest.class);

    @AfterEach
    void back() {
        Messages.use(null);
    }

    @Test
    @DisplayName("a key the language has shows translated; one it lacks shows in English and is listed as missing")
    void halfTranslatedBundleFallsBackPerKey() {
        Messages.use("fa");
        assertEquals("سلام Sara", HALF_DONE.get("greeting", "Sara"));
        assertEquals("goodbye", HALF_DONE.get("farewell"));
        assertEquals(List.of("farewell"), HALF_DONE.missing("fa"));
        assertEquals(List.of(), HALF_DONE.unknown("fa"));
        Messages.use("zh");
        assertEquals("hello Sara", HALF_DONE.get("greeting", "Sara"), "a language without a file is English");
    }
}
