package org.mlcycle.magics;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs.KeywordSpec;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.drift.DriftOptions;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;

/**
 * The drift magics: {@code %drift} compares a current table with a reference, as a whole or window
 * by window of a time column; {@code %drift_windows} is the windowed form by position. Thin: parse
 * the arguments, call {@link Drift}, return the report.
 */
public final class DriftMagics {
    static final String DRIFT_USAGE = "%drift REF CUR [--bins N] [--columns COL,...] [--categorical COL,...]"
            + " [--ignore COL,...] [--by TIME [--window 1d]]  — how far each column of CUR moved from REF (PSI, KS, chi-square)";
    static final String WINDOWS_USAGE = "%drift_windows REF CUR TIME [WINDOW]  — WINDOW like 1d, 12h, 2w or P1D;"
            + " default 1d; same options as %drift";

    private static final Usage DRIFT = new Usage(
            DRIFT_USAGE,
            options(MagicsArgs.builder()
                    .required("ref")
                    .required("cur")
                    .keyword("by", KeywordSpec.REPLACE)
                    .keyword("window", KeywordSpec.REPLACE)));
    private static final Usage WINDOWS = new Usage(
            WINDOWS_USAGE,
            options(MagicsArgs.builder()
                    .required("ref")
                    .required("cur")
                    .required("time")
                    .optional("window")));

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([mhdw])");

    private DriftMagics() {}

    private static MagicsArgs options(MagicsArgs.MagicsArgsBuilder builder) {
        return builder.keyword("bins", KeywordSpec.REPLACE)
                .keyword("columns")
                .keyword("categorical")
                .keyword("ignore")
                .onlyKnownKeywords()
                .onlyKnownFlags()
                .build();
    }

    /** Registers {@code %drift} and {@code %drift_windows}. */
    static void register(MagicSet magics) {
        magics.line(MagicSpec.line("drift", 2, DRIFT_USAGE), DriftMagics::drift);
        magics.line(MagicSpec.line("drift_windows", 3, WINDOWS_USAGE), DriftMagics::windows);
    }

    /** {@code %drift lastMonth yesterday --bins 20}: per-column and dataset drift. */
    static Object drift(Notebook nb, List<String> args) {
        Map<String, List<String>> a = DRIFT.parse(args);
        if (!Usage.has(a, "by") && Usage.has(a, "window")) {
            throw DRIFT.fail("--window needs --by TIME");
        }
        return run(nb, DRIFT, a, Usage.one(a, "by", null));
    }

    /** {@code %drift_windows lastMonth recent ts 1d}: each day of {@code recent} against {@code lastMonth}. */
    static Object windows(Notebook nb, List<String> args) {
        Map<String, List<String>> a = WINDOWS.parse(args);
        return run(nb, WINDOWS, a, a.get("time").get(0));
    }

    /** Drift of {@code cur} against {@code ref}, window by window of {@code time} unless it is null. */
    private static Object run(Notebook nb, Usage usage, Map<String, List<String>> a, String time) {
        DataEngines.Held ref = DataEngines.held(nb, a.get("ref").get(0));
        DataEngines.Held cur = DataEngines.held(nb, a.get("cur").get(0));
        DataEngine engine = DataEngines.same(ref, cur);
        DriftOptions options = DriftOptions.defaults()
                .withBins(usage.wholeNumber(a, "bins", DriftOptions.defaults().bins()))
                .withCategorical(Usage.list(a, "categorical"))
                .withIgnored(ignored(ref, a, time));
        DriftRequest request = new DriftRequest(
                ref.data(),
                ref.name(),
                cur.data(),
                cur.name(),
                options,
                time,
                time == null ? null : window(Usage.one(a, "window", "1d"), usage));
        return nb.result(request.windowed() ? engine.driftOverTime(request) : engine.drift(request));
    }

    /** {@code --ignore} plus, when {@code --columns} is given, every other reference column. */
    private static String[] ignored(DataEngines.Held ref, Map<String, List<String>> a, String time) {
        List<String> ignore = new ArrayList<>(List.of(Usage.list(a, "ignore")));
        List<String> columns = List.of(Usage.list(a, "columns"));
        List<String> names = ref.engine().columns(ref.data());
        for (String c : columns) {
            if (ref.data() instanceof Table table) {
                Require.column(table, c, "drift");
            } else if (!names.contains(c)) {
                throw new IllegalArgumentException("drift: no column '" + c + "' in table '" + ref.name() + "' (has: "
                        + String.join(", ", names) + ")");
            }
        }
        if (!columns.isEmpty()) {
            names.stream()
                    .filter(c -> !columns.contains(c) && !ignore.contains(c) && !c.equals(time))
                    .forEach(ignore::add);
        }
        return ignore.toArray(String[]::new);
    }

    /** {@code 30m}, {@code 12h}, {@code 1d}, {@code 2w}, or an ISO-8601 duration such as {@code P1D}. */
    static Duration window(String text, Usage usage) {
        Matcher m = SHORT_DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
        }
        try {
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw usage.fail("'" + text + "' is not a window length (30m, 12h, 1d, 2w, P1D)");
        }
    }
}
