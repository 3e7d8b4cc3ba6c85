package org.mlcycle.toolkit.bridge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Progress;
import org.mlcycle.toolkit.report.Rendered;
import org.mlcycle.toolkit.support.Require;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import tech.tablesaw.api.Table;

/**
 * A Tribuo model kept together with the feature spec it was trained through, so serving cannot use
 * another transform: saved and loaded as one file, and identified by the spec's content hash. Saving
 * uses Java serialisation of both parts (Tribuo 4.3 models are serialisable).
 */
public record ServingModel(Model<Label> model, FeatureSpec spec) implements Rendered, Serializable {

    private static final long serialVersionUID = 1L;

    public ServingModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(spec, "spec");
    }

    /** Fits the spec on {@code train}, then trains {@code trainer} on the transformed rows. */
    public static ServingModel train(Table train, FeatureOptions options, Trainer<Label> trainer) {
        // a Tribuo trainer cannot report its epochs: the display shows the time only
        return Progress.during(
                String.format(
                        Locale.ROOT,
                        "training %s on %,d rows",
                        trainerName(trainer),
                        train == null ? 0 : train.rowCount()),
                -1,
                progress -> {
                    FeatureSpec spec = FeatureSpec.fit(train, options);
                    return new ServingModel(trainer.train(Features.dataset(train, spec)), spec);
                });
    }

    /** The trainer's class name without its package, e.g. {@code LogisticRegressionTrainer}. */
    private static String trainerName(Trainer<Label> trainer) {
        return trainer == null ? "a model" : trainer.getClass().getSimpleName();
    }

    /** Scores a table: a copy with the prediction and one probability column per class. */
    public Table predict(Table table) {
        return Features.predict(model, spec, table);
    }

    public void save(Path file) throws IOException {
        Files.write(file, toBytes());
    }

    public static ServingModel load(Path file) throws IOException {
        return fromBytes(Files.readAllBytes(file), file.toString());
    }

    /** The model and its spec as bytes (Java serialisation), e.g. for the journal's model registry. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(this);
        } catch (IOException e) {
            throw new UncheckedIOException("serving model: cannot serialise " + toText(), e);
        }
        return bytes.toByteArray();
    }

    /** Reads bytes written by {@link #toBytes()}; {@code source} names where they came from in errors. */
    public static ServingModel fromBytes(byte[] data, String source) throws IOException {
        try (InputStream in = new ByteArrayInputStream(data);
                ObjectInputStream o = new ObjectInputStream(in)) {
            Object read = o.readObject();
            Require.that(
                    read instanceof ServingModel,
                    "serving model",
                    "%s holds a %s, not a serving model",
                    source,
                    read.getClass().getName());
            return (ServingModel) read;
        } catch (ClassNotFoundException e) {
            throw new IOException("serving model: " + source + " holds an unknown class: " + e.getMessage(), e);
        }
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language,
                "report.servingModel.headline",
                model.getClass().getSimpleName(),
                spec.width(),
                spec.contentHash().substring(0, 12));
    }

    @Override
    public String toText() {
        return headline("en");
    }

    @Override
    public String toHtml() {
        return Html.translatedReport(headline(Messages.language()), spec.toHtml());
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", model.getClass().getName());
        r.put("trainer", model.getProvenance().getTrainerProvenance().toString());
        r.put("spec_hash", spec.contentHash());
        r.put("features", spec.width());
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
