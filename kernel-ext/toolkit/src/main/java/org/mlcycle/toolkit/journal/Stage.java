package org.mlcycle.toolkit.journal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mlcycle.toolkit.i18n.Messages;

/** The six stages of the machine-learning production cycle, in the order the cycle goes round. */
public enum Stage {
    SCOPING,
    DATA,
    DEVELOPMENT,
    DEPLOYMENT,
    MONITORING,
    BUSINESS;

    /** The lower-case name a magic uses: {@code scoping}, {@code data}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stage's name in the learner's language ({@link Messages}); {@link #label()} in English. */
    public String title() {
        return Messages.get("stage." + label());
    }

    /** What the stage is about, in a few words, in the learner's language. */
    public String about() {
        return Messages.get("stage." + label() + ".about");
    }

    /** 1 for scoping up to 6 for business. */
    public int number() {
        return ordinal() + 1;
    }

    /** The stage named {@code text} (any case, surrounding blanks ignored). */
    public static Stage parse(String text) {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (Stage stage : values()) {
            if (stage.name().equals(key)) {
                return stage;
            }
        }
        throw new IllegalArgumentException(String.format(
                "stage: unknown stage '%s' (one of %s)",
                text, Arrays.stream(values()).map(Stage::label).collect(Collectors.joining(", "))));
    }
}
