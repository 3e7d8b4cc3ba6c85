package org.mlcycle.toolkit.journal;

import java.time.Duration;
import org.mlcycle.toolkit.support.Require;

/**
 * A run being recorded as it goes (the cell form of {@code %track}): each call is its own write,
 * so what was recorded before a crash stays. A run never finished stays {@code running}.
 * Closing finishes it if it is still open.
 */
public final class OpenRun implements AutoCloseable {
    private final Db db;
    private final long id;
    private final String name;
    private boolean open = true;

    OpenRun(Db db, long id, String name) {
        this.db = db;
        this.id = id;
        this.name = name;
    }

    /** The run's id in the journal. */
    public long id() {
        return id;
    }

    public OpenRun param(String key, Object value) {
        Require.that(key != null && !key.isBlank(), who(), "a parameter needs a name");
        db.write(who(), c -> {
            Runs.param(c, id, key, String.valueOf(value));
            return null;
        });
        return this;
    }

    public OpenRun metric(String key, double value) {
        Require.that(key != null && !key.isBlank(), who(), "a metric needs a name");
        Require.that(Double.isFinite(value), who(), "metric '%s' is %s, not a finite number", key, value);
        db.write(who(), c -> {
            Runs.metric(c, id, key, value);
            return null;
        });
        return this;
    }

    /** A dataset version this run uses ({@code name@version}, or a name for the latest). */
    public OpenRun uses(String ref) {
        db.write(who(), c -> {
            Runs.uses(db, c, id, ref, who());
            return null;
        });
        return this;
    }

    /** The model this run made, with its provenance as text. */
    public ModelVersion model(String modelName, String provenance) {
        Require.that(modelName != null && !modelName.isBlank(), who(), "the model needs a name");
        return db.write(who(), c -> Runs.model(db, c, id, modelName.strip(), provenance));
    }

    /** Marks the run finished; its duration is the time since it started. */
    public synchronized void finish() {
        end("finished", null);
    }

    /** Marks the run finished with a measured duration. */
    public synchronized void finish(Duration duration) {
        end("finished", duration);
    }

    /** Marks the run failed. */
    public synchronized void fail() {
        end("failed", null);
    }

    private void end(String status, Duration duration) {
        if (!open) {
            throw db.fail(who(), "the run has already ended");
        }
        db.write(who(), c -> {
            Runs.finish(db, c, id, status, duration, who());
            return null;
        });
        open = false;
    }

    @Override
    public synchronized void close() {
        if (open) {
            finish();
        }
    }

    private String who() {
        return "run #" + id + " '" + name + "'";
    }
}
