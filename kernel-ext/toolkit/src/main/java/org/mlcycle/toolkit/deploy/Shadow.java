package org.mlcycle.toolkit.deploy;

import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;

/**
 * A shadow run replayed: every row of traffic goes through the production model and the candidate;
 * the production decisions are the ones served, the candidate's are only logged. The report
 * compares them: agreement, metrics on the rows whose labels arrived, business numbers.
 */
public final class Shadow {
    private Shadow() {}

    /** Replays {@code traffic} through two registered versions. */
    public static ShadowReport replay(ModelRelease production, ModelRelease candidate, Table traffic, ShowRule rule) {
        Require.that(production != null && candidate != null, "shadow", "both models are needed");
        return replay(production.ref(), production.model(), candidate.ref(), candidate.model(), traffic, rule);
    }

    /**
     * Replays {@code traffic} where production is a rule rather than a model (the legacy system):
     * {@code productionShows} holds its decision per row, scored as probability 1 or 0.
     */
    public static ShadowReport againstRule(
            String productionName,
            boolean[] productionShows,
            String candidateName,
            ServingModel candidate,
            Table traffic,
            ShowRule rule) {
        String who = "shadow";
        Require.nonEmpty(Require.table(traffic, who, "traffic"), who);
        Require.that(
                productionShows != null && productionShows.length == traffic.rowCount(),
                who,
                "need one production decision per traffic row (%d), got %s",
                traffic.rowCount(),
                productionShows == null ? "none" : String.valueOf(productionShows.length));
        double[] p = new double[productionShows.length];
        for (int i = 0; i < p.length; i++) p[i] = productionShows[i] ? 1 : 0;
        return compare(productionName, p, productionShows.clone(), candidateName, candidate, traffic, rule);
    }

    /** Replays {@code traffic} through two serving models named for the report. */
    public static ShadowReport replay(
            String productionName,
            ServingModel production,
            String candidateName,
            ServingModel candidate,
            Table traffic,
            ShowRule rule) {
        String who = "shadow";
        Require.nonEmpty(Require.table(traffic, who, "traffic"), who);
        double[] p = rule.probabilities(production.predict(traffic), who);
        return compare(productionName, p, rule.shows(p), candidateName, candidate, traffic, rule);
    }

    private static ShadowReport compare(
            String productionName,
            double[] p,
            boolean[] served,
            String candidateName,
            ServingModel candidate,
            Table traffic,
            ShowRule rule) {
        String who = "shadow";
        double[] c = rule.probabilities(candidate.predict(traffic), who);
        int[] rows = Labels.all(traffic.rowCount());
        boolean[] logged = rule.shows(c);
        String label = candidate.spec().label();
        return new ShadowReport(
                productionName,
                candidateName,
                traffic.name(),
                rule,
                p,
                c,
                served,
                logged,
                Labels.metrics(traffic, label, rows, p, rule),
                Labels.metrics(traffic, label, rows, c, rule),
                rule.business(traffic, rows, served, who),
                rule.business(traffic, rows, logged, who));
    }
}
