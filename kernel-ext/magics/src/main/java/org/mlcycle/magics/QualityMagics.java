package org.mlcycle.magics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs.KeywordSpec;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.toolkit.quality.Checks;
import org.mlcycle.toolkit.quality.ProfileOptions;
import org.mlcycle.toolkit.quality.Schema;
import org.mlcycle.toolkit.quality.SchemaOptions;

/**
 * The data-quality magics: {@code %profile}, {@code %checks} (and the cell form {@code %%checks}
 * with a text check spec) and {@code %schema}, on tables held in notebook variables: a Tablesaw
 * {@code Table}, or another kind a {@link DataEngine} brings (a Spark {@code Dataset<Row>}). Thin:
 * parse the arguments, call the engine ({@code Profile}, {@link Checks} or {@link Schema} for a
 * table), return the report.
 */
public final class QualityMagics {
    static final String PROFILE_USAGE = "%profile TABLE [--bins N] [--ignore COL[,COL...]]"
            + "  — per-column statistics, histograms and alerts of the Table variable TABLE";
    static final String CHECKS_USAGE = "%checks TABLE CHECKS  — run the Checks held in variable CHECKS on TABLE;"
            + " or %%checks TABLE [NAME] with one constraint per line below it";
    static final String CHECKS_CELL_USAGE =
            "%%checks TABLE [NAME]  — one constraint per line below, e.g. 'clicks >= 0',"
                    + " 'ad_id not null', 'query unique', 'country in (US, DE)', 'ctr between 0 and 1', 'rows > 1000',"
                    + " 'completeness(age) >= 0.95', 'mean(cost) between 0.1 and 3'";
    static final String SCHEMA_USAGE = "%schema REF [BATCH] [--ranges]  — infer REF's schema (a Table, or a Schema"
            + " variable), and validate BATCH against it";

    private static final Usage PROFILE = new Usage(
            PROFILE_USAGE,
            MagicsArgs.builder()
                    .required("table")
                    .keyword("bins", KeywordSpec.REPLACE)
                    .keyword("ignore")
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage CHECKS = new Usage(
            CHECKS_USAGE,
            MagicsArgs.builder()
                    .required("table")
                    .required("checks")
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage CHECKS_CELL = new Usage(
            CHECKS_CELL_USAGE,
            MagicsArgs.builder()
                    .required("table")
                    .optional("name")
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage SCHEMA = new Usage(
            SCHEMA_USAGE,
            MagicsArgs.builder()
                    .required("ref")
                    .optional("batch")
                    .keyword("ranges", KeywordSpec.REPLACE)
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build(),
            Set.of("ranges"));

    private QualityMagics() {}

    /** Registers {@code %profile}, {@code %checks}, {@code %%checks} and {@code %schema}; {@code notebooks} turns the calling kernel into a notebook. */
    static void register(MagicSet magics) {
        magics.line(MagicSpec.line("profile", 1, PROFILE_USAGE), QualityMagics::profile);
        magics.line(MagicSpec.line("checks", 2, CHECKS_USAGE), QualityMagics::checks);
        magics.cell(MagicSpec.cell("checks", 1, CHECKS_CELL_USAGE), QualityMagics::checks);
        magics.line(MagicSpec.line("schema", 1, SCHEMA_USAGE), QualityMagics::schema);
    }

    /** {@code %profile ads --bins 10}: per-column statistics, histograms and alerts. */
    static Object profile(Notebook nb, List<String> args) {
        Map<String, List<String>> a = PROFILE.parse(args);
        DataEngines.Held table = DataEngines.held(nb, a.get("table").get(0));
        ProfileOptions options = ProfileOptions.defaults()
                .withBins(
                        PROFILE.wholeNumber(a, "bins", ProfileOptions.defaults().bins()))
                .withIgnored(Usage.list(a, "ignore"));
        return nb.result(table.engine().profile(table.data(), table.name(), options));
    }

    /** {@code %checks batch adChecks}: every constraint of {@code adChecks}, with failing rows. */
    static Object checks(Notebook nb, List<String> args) {
        Map<String, List<String>> a = CHECKS.parse(args);
        DataEngines.Held table = DataEngines.held(nb, a.get("table").get(0));
        Checks checks = Variables.of(nb, a.get("checks").get(0), Checks.class, "Checks");
        return nb.result(table.engine().check(checks, table.data(), table.name()));
    }

    /**
     * {@code %%checks ads} with a check spec as the cell body: parsed line by line (a bad line or an
     * unknown column fails naming its line), then run on the table.
     */
    static Object checks(Notebook nb, List<String> args, String body) {
        Map<String, List<String>> a = CHECKS_CELL.parse(args);
        String tableName = a.get("table").get(0);
        DataEngines.Held table = DataEngines.held(nb, tableName);
        if (body == null || body.isBlank()) {
            throw CHECKS_CELL.fail("no constraints below the magic line");
        }
        DataEngine engine = table.engine();
        Checks checks = engine.parseChecks(Usage.one(a, "name", tableName), body, table.data(), table.name());
        return nb.result(engine.check(checks, table.data(), table.name()));
    }

    /**
     * {@code %schema ads}: the schema inferred from a table; {@code %schema ads batch}: how the
     * batch departs from it. REF may also hold a {@link Schema} kept from an earlier call.
     */
    static Object schema(Notebook nb, List<String> args) {
        Map<String, List<String>> a = SCHEMA.parse(args);
        String refName = a.get("ref").get(0);
        Object ref = Variables.value(nb, refName);
        Schema schema;
        if (ref instanceof Schema kept) {
            if (Usage.has(a, "ranges")) {
                throw SCHEMA.fail("--ranges applies when inferring from a table; '" + refName + "' is a Schema");
            }
            schema = kept;
        } else {
            DataEngines.Held table;
            try {
                table = DataEngines.held(nb, refName);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " or a Schema", e);
            }
            SchemaOptions options =
                    Usage.has(a, "ranges") ? SchemaOptions.defaults().withRanges() : SchemaOptions.defaults();
            schema = table.engine().inferSchema(table.data(), table.name(), options);
        }
        String batch = Usage.one(a, "batch", null);
        if (batch == null) {
            return nb.result(schema);
        }
        DataEngines.Held held = DataEngines.held(nb, batch);
        return nb.result(held.engine().validate(schema, held.data(), held.name()));
    }
}
