package org.mlcycle.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.drift.DriftReport;
import org.mlcycle.toolkit.drift.DriftWindows;
import org.mlcycle.toolkit.journal.Fingerprint;
import org.mlcycle.toolkit.quality.CheckReport;
import org.mlcycle.toolkit.quality.Checks;
import org.mlcycle.toolkit.quality.Profile;
import org.mlcycle.toolkit.quality.ProfileOptions;
import org.mlcycle.toolkit.quality.ProfileReport;
import org.mlcycle.toolkit.quality.Schema;
import org.mlcycle.toolkit.quality.SchemaOptions;
import org.mlcycle.toolkit.quality.SchemaReport;
import tech.tablesaw.api.Table;

/**
 * Finds the {@link DataEngine} of a notebook variable's value: Tablesaw tables first (built in), then
 * the engines listed as services where the extension was loaded from, then those listed beside the
 * value's own class (a jar added with {@code %classpath}).
 */
final class DataEngines {
    /** A variable's value with its engine; {@code name} is what reports call it. */
    record Held(String variable, Object data, DataEngine engine) {
        String name() {
            return data instanceof Table t && t.name() != null && !t.name().isBlank() ? t.name() : variable;
        }

        boolean isTable() {
            return data instanceof Table;
        }
    }

    static final DataEngine TABLES = new TableEngine();
    /** Engines added by hand (tests); the service ones are looked up each time, which is cheap beside the work. */
    private static final List<DataEngine> ADDED = new CopyOnWriteArrayList<>();

    private DataEngines() {}

    static void add(DataEngine engine) {
        ADDED.add(engine);
    }

    static void remove(DataEngine engine) {
        ADDED.remove(engine);
    }

    /** The engine of the value held by {@code variable}, or the error naming what it could have been. */
    static Held held(Notebook nb, String variable) {
        Object value = Variables.value(nb, variable);
        List<DataEngine> known = known(value);
        for (DataEngine e : known) {
            if (value != null && e.accepts(value)) {
                return new Held(variable, value, e);
            }
        }
        throw Variables.notA(
                variable,
                value,
                String.join(" or ", known.stream().map(DataEngine::describe).toList()));
    }

    /** Two variables of one engine (a reference and a current table). */
    static DataEngine same(Held a, Held b) {
        if (a.engine() != b.engine() && !a.engine().getClass().equals(b.engine().getClass())) {
            throw new IllegalArgumentException(
                    "'" + a.variable() + "' is " + a.engine().describe() + " and '" + b.variable() + "' "
                            + b.engine().describe() + ": compare two of the same kind");
        }
        return a.engine();
    }

    private static List<DataEngine> known(Object value) {
        List<DataEngine> out = new ArrayList<>(List.of(TABLES));
        out.addAll(ADDED);
        addServices(out, DataEngines.class.getClassLoader());
        if (value != null && value.getClass().getClassLoader() != null) {
            addServices(out, value.getClass().getClassLoader());
        }
        return out;
    }

    private static void addServices(List<DataEngine> out, ClassLoader loader) {
        for (DataEngine e : ServiceLoader.load(DataEngine.class, loader)) {
            if (out.stream().noneMatch(o -> o.getClass().equals(e.getClass()))) {
                out.add(e);
            }
        }
    }

    /** The built-in engine: the toolkit on a Tablesaw table. */
    private static final class TableEngine implements DataEngine {
        @Override
        public boolean accepts(Object data) {
            return data instanceof Table;
        }

        @Override
        public String describe() {
            return "a Tablesaw Table";
        }

        @Override
        public List<String> columns(Object data) {
            return ((Table) data).columnNames();
        }

        @Override
        public ProfileReport profile(Object data, String name, ProfileOptions options) {
            return Profile.of((Table) data, options);
        }

        @Override
        public Checks parseChecks(String checksName, String spec, Object data, String name) {
            return Checks.parse(checksName, spec, (Table) data);
        }

        @Override
        public CheckReport check(Checks checks, Object data, String name) {
            return checks.run((Table) data);
        }

        @Override
        public Schema inferSchema(Object data, String name, SchemaOptions options) {
            return Schema.infer((Table) data, options);
        }

        @Override
        public SchemaReport validate(Schema schema, Object data, String name) {
            return schema.validate((Table) data);
        }

        @Override
        public DriftReport drift(DriftRequest r) {
            return Drift.between((Table) r.reference(), (Table) r.current(), r.options());
        }

        @Override
        public DriftWindows driftOverTime(DriftRequest r) {
            return Drift.overTime((Table) r.reference(), (Table) r.current(), r.timeColumn(), r.window(), r.options());
        }

        @Override
        public Fingerprint fingerprint(Object data, String name) {
            return Fingerprint.of((Table) data);
        }
    }
}
