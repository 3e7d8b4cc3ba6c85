package org.mlcycle.toolkit.journal;

import java.time.Instant;

/** A registered model version moved from one stage to another, with why. */
public record ModelMove(long id, String name, int version, ModelStage from, ModelStage to, String note, Instant at) {

    /** {@code name@version}. */
    public String ref() {
        return name + "@" + version;
    }
}
