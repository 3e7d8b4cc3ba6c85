package org.mlcycle.toolkit.deploy;

import java.util.List;
import java.util.Random;
import org.mlcycle.toolkit.bridge.FeatureOptions;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.bridge.TribuoLogging;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Ad traffic with known behaviour for the deploy tests: day, bid (number), slot (a whole-number
 * category), device (a text category), cpc, clicked (the label). From {@code flipDay} on the world
 * changes: bids run higher and a high bid now means fewer clicks, so a model trained before that
 * day ranks clicks worse than chance.
 */
final class Traffic {
    static final FeatureOptions OPTIONS = FeatureOptions.of("clicked", List.of("bid"), List.of("slot", "device"));
    private static final String[] DEVICES = {"desktop", "mobile", "tablet"};

    private Traffic() {}

    /** {@code perDay} rows for each day {@code firstDay..lastDay}; the world changes from {@code flipDay}. */
    static Table days(int firstDay, int lastDay, int perDay, int flipDay, long seed) {
        Random r = new Random(seed);
        int n = (lastDay - firstDay + 1) * perDay;
        int[] day = new int[n], slot = new int[n], clicked = new int[n];
        double[] bid = new double[n], cpc = new double[n];
        String[] device = new String[n];
        for (int i = 0; i < n; i++) {
            day[i] = firstDay + i / perDay;
            boolean flipped = day[i] >= flipDay;
            bid[i] = (flipped ? 8 : 5) + 2 * r.nextGaussian();
            slot[i] = 1 + r.nextInt(3);
            device[i] = DEVICES[r.nextInt(3)];
            double logit = (flipped ? -1.5 : 1.5) * (bid[i] - (flipped ? 8 : 5))
                    + (slot[i] == 1 ? 0.8 : -0.4)
                    + (device[i].equals("desktop") ? 0.5 : -0.3);
            clicked[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            cpc[i] = 0.2 + 0.05 * slot[i];
        }
        return Table.create(
                "traffic",
                IntColumn.create("day", day),
                DoubleColumn.create("bid", bid),
                IntColumn.create("slot", slot),
                StringColumn.create("device", device),
                DoubleColumn.create("cpc", cpc),
                IntColumn.create("clicked", clicked));
    }

    static ServingModel train(Table rows) {
        TribuoLogging.quiet();
        return ServingModel.train(rows, OPTIONS, new LogisticRegressionTrainer());
    }
}
