package org.mlcycle.toolkit.experiment;

import java.util.Objects;
import java.util.function.Function;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;

/**
 * One arm of an A/B test: a serving policy that scores every retrieved candidate of a request and
 * shows those scoring at least {@code threshold}, best first, at most three. {@code scores} gets
 * the arm's candidate rows (the columns of {@code AdWorld.freshCandidates}) and returns one score
 * per row, in order.
 */
public record Arm(String name, Function<Table, double[]> scores, double threshold) {

    public Arm {
        Require.that(name != null && !name.isBlank(), "arm", "the arm needs a name");
        Objects.requireNonNull(scores, "arm " + name + ": scores");
        Require.that(!Double.isNaN(threshold), "arm", "arm %s: the threshold is NaN", name);
    }
}
