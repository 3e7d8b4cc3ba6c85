package org.mlcycle.toolkit.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.journal.ModelStage;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import tech.tablesaw.api.Table;

/**
 * A registered model version loaded back from the registry: its name, version and stage when loaded,
 * the serving model (model and feature spec), the input schema it was trained on and the dataset
 * versions that trained it.
 */
public record ModelRelease(
        String name, int version, ModelStage stage, ServingModel model, InputSchema input, List<String> data)
        implements Rendered {

    public ModelRelease {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(input, "input");
        data = List.copyOf(data);
    }

    /** {@code name@version}. */
    public String ref() {
        return name + "@" + version;
    }

    /** Scores {@code table} in process: a copy with the prediction and {@code p_<class>} columns. */
    public Table predict(Table table) {
        return model.predict(table);
    }

    @Override
    public String toText() {
        return String.format(
                Locale.ROOT,
                "%s (%s): %s; inputs %s; trained on %s",
                ref(),
                stage.label(),
                model.toText(),
                String.join(", ", input.columns().keySet()),
                data.isEmpty() ? "unrecorded data" : String.join(", ", data));
    }

    @Override
    public String toHtml() {
        return "<div" + Messages.dirAttribute() + " style=\"font-family:sans-serif\"><p style=\"margin:0 0 4px 0\"><b>"
                + Html.escape(ref()) + "</b> "
                + Html.escape(Messages.get(
                        "report.release.trainedOn",
                        stage.label(),
                        data.isEmpty() ? Messages.get("report.release.unrecorded") : String.join(", ", data)))
                + "</p>" + model.toHtml() + "</div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("version", version);
        r.put("stage", stage.label());
        r.put("inputs", input.columns());
        r.put("data", data);
        r.putAll(model.toRecord());
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
