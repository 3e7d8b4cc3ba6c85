package org.mlcycle.toolkit.journal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The six stages of the machine-learning production cycle, in the order the cycle goes round. */
public enum Stage {
    SCOPING("goals, constraints, evaluation criteria, stakeholders"),
    DATA("sources, labels, processing, storage"),
    DEVELOPMENT("features, training, evaluation"),
    DEPLOYMENT("making the model reachable"),
    MONITORING("performance decay, drift, maintenance"),
    BUSINESS("measuring against the business goal");

    private final String about;

    Stage(String about) {
        this.about = about;
    }

    /** The lower-case name a magic uses: {@code scoping}, {@code data}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the stage is about, in a few words. */
    public String about() {
        return about;
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
                text,
                Arrays.stream(values()).map(Stage::label).collect(Collectors.joining(", "))));
    }
}
