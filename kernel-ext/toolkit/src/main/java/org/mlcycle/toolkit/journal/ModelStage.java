package org.mlcycle.toolkit.journal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a registered model version stands. {@code production} and {@code shadow} hold at most one
 * version of a name at a time: moving a version there archives the one that held it.
 */
public enum ModelStage {
    /** Registered, not yet moved anywhere. */
    NONE,
    /** Candidate under test. */
    STAGING,
    /** The version whose decisions reach users. */
    PRODUCTION,
    /** Scores the same traffic as production; its decisions are only logged. */
    SHADOW,
    /** Retired. */
    ARCHIVED;

    /** The lower-case name used in the journal and in magics. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether only one version of a model can be in this stage at once. */
    public boolean single() {
        return this == PRODUCTION || this == SHADOW;
    }

    /** {@code staging}, {@code production}, {@code shadow}, {@code archived} or {@code none}, any case. */
    public static ModelStage parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (ModelStage s : values()) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("model stage: '" + text + "' is not one of "
                + Arrays.stream(values()).map(ModelStage::label).collect(Collectors.joining(", ")));
    }

    /** Whether {@code text} names a stage. */
    static boolean isStage(String text) {
        return Arrays.stream(values()).anyMatch(s -> s.label().equalsIgnoreCase(text.strip()));
    }
}
