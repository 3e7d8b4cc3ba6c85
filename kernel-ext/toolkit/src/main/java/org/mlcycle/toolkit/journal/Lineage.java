package org.mlcycle.toolkit.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * Which data made which model with which result: one {@link Link} per dataset version and run
 * that used it (a version no run used yet appears alone), with the model the run made, its
 * metrics and where that model was deployed. The audit trail CRISP-DM asks for.
 */
public record Lineage(List<Link> links) implements Rendered {

    /**
     * One path through the lineage graph. {@code runId} is 0 and the run fields empty for a
     * dataset version no run has used; {@code model} is null when the run made none.
     */
    public record Link(
            String dataset,
            String parent,
            long runId,
            String run,
            String model,
            Map<String, Double> metrics,
            List<String> deployments) {

        public Link {
            metrics = Map.copyOf(metrics);
            deployments = List.copyOf(deployments);
        }

        String text() {
            StringBuilder out = new StringBuilder(dataset);
            if (parent != null) {
                out.append(" (from ").append(parent).append(')');
            }
            if (runId == 0) {
                return out.append(" -> (no run yet)").toString();
            }
            out.append(" -> run #").append(runId).append(' ').append(run);
            if (model != null) {
                out.append(" -> model ").append(model);
            }
            if (!metrics.isEmpty()) {
                out.append(" -> ").append(metricsText());
            }
            if (!deployments.isEmpty()) {
                out.append(" -> deployed to ").append(String.join(", ", deployments));
            }
            return out.toString();
        }

        String metricsText() {
            return new TreeMap<>(metrics)
                    .entrySet().stream()
                            .map(e -> e.getKey() + "=" + Html.format(e.getValue()))
                            .collect(Collectors.joining(" "));
        }
    }

    public Lineage {
        links = List.copyOf(links);
    }

    static Lineage of(Connection c, String datasetName) throws SQLException {
        List<Link> links = new ArrayList<>();
        String sql = "SELECT d.name || '@' || d.version, p.name || '@' || p.version, r.id, r.name, m.id, m.name"
                + " FROM datasets d"
                + " LEFT JOIN datasets p ON p.id = d.parent_id"
                + " LEFT JOIN run_data x ON x.dataset_id = d.id"
                + " LEFT JOIN runs r ON r.id = x.run_id"
                + " LEFT JOIN models m ON m.run_id = r.id"
                + (datasetName == null ? "" : " WHERE d.name = ?")
                + " ORDER BY d.id, r.id, m.id";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (datasetName != null) {
                p.setString(1, datasetName);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long runId = rs.getLong(3);
                    long modelId = rs.getLong(5);
                    boolean hasModel = !rs.wasNull();
                    links.add(new Link(
                            rs.getString(1),
                            rs.getString(2),
                            runId,
                            runId == 0 ? "" : rs.getString(4),
                            hasModel ? rs.getString(6) : null,
                            runId == 0 ? Map.of() : Runs.metrics(c, runId),
                            hasModel ? deployments(c, modelId) : List.of()));
                }
            }
        }
        return new Lineage(links);
    }

    private static List<String> deployments(Connection c, long model) throws SQLException {
        return Runs.strings(c, "SELECT target FROM deployments WHERE model_id = ? ORDER BY id", model);
    }

    /** The links that lead to the model named {@code model}. */
    public List<Link> toModel(String model) {
        return links.stream().filter(l -> model.equals(l.model())).collect(Collectors.toList());
    }

    @Override
    public String toText() {
        if (links.isEmpty()) {
            return "lineage: no dataset version recorded yet";
        }
        return links.stream().map(Link::text).collect(Collectors.joining("\n"));
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new ArrayList<>();
        for (Link l : links) {
            rows.add(List.of(
                    l.dataset() + (l.parent() == null ? "" : " ← " + l.parent()),
                    l.runId() == 0 ? "" : "#" + l.runId() + " " + l.run(),
                    l.model() == null ? "" : l.model(),
                    l.metricsText(),
                    String.join(", ", l.deployments())));
        }
        return "<div class=\"mlcycle-lineage\">"
                + Html.table(
                        Html.headers("report.lineage.", "dataVersion", "run", "model", "metrics", "deployedTo"), rows)
                + "</div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Link l : links) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dataset", l.dataset());
            m.put("parent", l.parent());
            m.put("runId", l.runId());
            m.put("run", l.run());
            m.put("model", l.model());
            m.put("metrics", new TreeMap<>(l.metrics()));
            m.put("deployments", l.deployments());
            list.add(m);
        }
        out.put("links", list);
        return out;
    }
}
