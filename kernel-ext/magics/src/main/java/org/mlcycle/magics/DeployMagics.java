package org.mlcycle.magics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs.KeywordSpec;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.deploy.ModelRegistry;
import org.mlcycle.toolkit.deploy.ModelRelease;
import org.mlcycle.toolkit.deploy.Monitor;
import org.mlcycle.toolkit.deploy.MonitorOptions;
import org.mlcycle.toolkit.deploy.ScoringServer;
import org.mlcycle.toolkit.deploy.Shadow;
import org.mlcycle.toolkit.deploy.ShowRule;
import org.mlcycle.toolkit.journal.ModelEntry;
import tech.tablesaw.api.Table;

/**
 * The deployment magics: {@code %deploy} (the model registry in the journal), {@code %serve} (a
 * real HTTP endpoint on 127.0.0.1 for a registered version), {@code %shadow} (production and a
 * candidate on the same traffic) and {@code %monitor} (window-by-window replay with alerts written
 * to the journal). Thin: parse the arguments, call {@code org.mlcycle.toolkit.deploy}, return the
 * report. A model argument is a registered {@code name[@version|@stage]}, or a notebook variable
 * holding a {@link ServingModel} or {@link ModelRelease}.
 */
public final class DeployMagics {
    static final String DEPLOY_USAGE =
            "%deploy [register NAME MODEL TRAINING [--metric NAME=VALUE]... [--note \"TEXT\"]"
                    + " | promote NAME@VERSION STAGE [--note \"TEXT\"] | load NAME[@VERSION|@STAGE] [--as VARIABLE] | history NAME]"
                    + "  — STAGE: staging, production, shadow, archived";
    static final String SERVE_USAGE = "%serve NAME[@VERSION|@STAGE] [--port P] | %serve --stop | %serve"
            + "  — serve a registered model over HTTP on 127.0.0.1, stop it, or show what is served";
    static final String SHADOW_USAGE = "%shadow PRODUCTION CANDIDATE TRAFFIC [--threshold 0.5] [--positive 1]"
            + " [--clicked COLUMN [--cost COLUMN|PRICE]]  — replay TRAFFIC through both models and compare them";
    static final String MONITOR_USAGE =
            "%monitor MODEL TRAFFIC --by TIME [--window 1] [--alert METRIC<LEVEL] [--smooth 1]"
                    + " [--retrain 7] [--reference TABLE] [--threshold 0.5] [--positive 1] [--clicked COLUMN [--cost COLUMN|PRICE]]"
                    + "  — replay TRAFFIC window by window: metrics, drift, business numbers and alerts";

    private static final Usage REGISTER = new Usage(
            DEPLOY_USAGE,
            MagicsArgs.builder()
                    .required("action")
                    .required("name")
                    .required("model")
                    .required("training")
                    .keyword("metric")
                    .keyword("note", KeywordSpec.REPLACE)
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage PROMOTE = new Usage(
            DEPLOY_USAGE,
            MagicsArgs.builder()
                    .required("action")
                    .required("ref")
                    .required("stage")
                    .keyword("note", KeywordSpec.REPLACE)
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage LOAD = new Usage(
            DEPLOY_USAGE,
            MagicsArgs.builder()
                    .required("action")
                    .required("ref")
                    .keyword("as", KeywordSpec.REPLACE)
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage HISTORY = new Usage(
            DEPLOY_USAGE,
            MagicsArgs.builder()
                    .required("action")
                    .required("name")
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage SERVE = new Usage(
            SERVE_USAGE,
            MagicsArgs.builder()
                    .optional("ref")
                    .keyword("port", KeywordSpec.REPLACE)
                    .keyword("stop", KeywordSpec.REPLACE)
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build(),
            java.util.Set.of("stop"));
    private static final Usage SHADOW = new Usage(
            SHADOW_USAGE,
            rule(MagicsArgs.builder()
                            .required("production")
                            .required("candidate")
                            .required("traffic"))
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage MONITOR = new Usage(
            MONITOR_USAGE,
            rule(MagicsArgs.builder()
                            .required("model")
                            .required("traffic")
                            .keyword("by", KeywordSpec.REPLACE)
                            .keyword("window", KeywordSpec.REPLACE)
                            .keyword("alert", KeywordSpec.REPLACE)
                            .keyword("smooth", KeywordSpec.REPLACE)
                            .keyword("retrain", KeywordSpec.REPLACE)
                            .keyword("reference", KeywordSpec.REPLACE))
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());

    private static final Pattern ALERT = Pattern.compile("([a-z_]+)\\s*<\\s*([-+0-9.eE]+)");

    private final JournalMagics journal;
    private ScoringServer server;

    DeployMagics(JournalMagics journal) {
        this.journal = journal;
    }

    private static MagicsArgs.MagicsArgsBuilder rule(MagicsArgs.MagicsArgsBuilder builder) {
        return builder.keyword("threshold", KeywordSpec.REPLACE)
                .keyword("positive", KeywordSpec.REPLACE)
                .keyword("clicked", KeywordSpec.REPLACE)
                .keyword("cost", KeywordSpec.REPLACE);
    }

    /** Registers {@code %deploy}, {@code %serve}, {@code %shadow} and {@code %monitor}. */
    static void register(MagicSet magics, DeployMagics m) {
        magics.line(MagicSpec.line("deploy", 0, DEPLOY_USAGE), m::deploy);
        magics.line(MagicSpec.line("serve", 0, SERVE_USAGE), m::serve);
        magics.line(MagicSpec.line("shadow", 3, SHADOW_USAGE), m::shadow);
        magics.line(MagicSpec.line("monitor", 2, MONITOR_USAGE), m::monitor);
    }

    private ModelRegistry registry() {
        return ModelRegistry.in(journal.journal());
    }

    /** {@code %deploy register|promote|load|history ...}; alone, the whole registry. */
    Object deploy(Notebook nb, List<String> args) {
        if (args.isEmpty()) {
            return nb.result(registry().view());
        }
        switch (args.get(0)) {
            case "register" -> {
                Map<String, List<String>> a = REGISTER.parse(args);
                String name = a.get("name").get(0);
                ServingModel model = model(nb, a.get("model").get(0));
                Table training = Variables.table(nb, a.get("training").get(0));
                ModelEntry entry = registry().register(name, model, training, metrics(a), Usage.one(a, "note", null));
                nb.show(new JournalMagics.Line(
                        "registered " + entry.ref(), "training data " + String.join(", ", entry.data())));
                return nb.result(registry().history(name));
            }
            case "promote", "move" -> {
                Map<String, List<String>> a = PROMOTE.parse(args);
                String ref = a.get("ref").get(0);
                registry().move(ref, a.get("stage").get(0), Usage.one(a, "note", null));
                return nb.result(registry().history(ref.contains("@") ? ref.substring(0, ref.lastIndexOf('@')) : ref));
            }
            case "load" -> {
                Map<String, List<String>> a = LOAD.parse(args);
                ModelRelease release = registry().load(a.get("ref").get(0));
                String variable = Usage.one(a, "as", release.name().replaceAll("[^\\p{javaJavaIdentifierPart}]", "_"));
                nb.define(variable, ModelRelease.class, release);
                nb.show(new JournalMagics.Line("loaded " + release.ref() + " as " + variable, ""));
                return nb.result(release);
            }
            case "history" -> {
                Map<String, List<String>> a = HISTORY.parse(args);
                return nb.result(registry().history(a.get("name").get(0)));
            }
            default -> throw REGISTER.fail("unknown action '" + args.get(0) + "'");
        }
    }

    private static Map<String, Double> metrics(Map<String, List<String>> a) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String pair : Usage.list(a, "metric")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw REGISTER.fail("--metric needs NAME=VALUE, not '" + pair + "'");
            }
            try {
                out.put(
                        pair.substring(0, eq).strip(),
                        Double.parseDouble(pair.substring(eq + 1).strip()));
            } catch (NumberFormatException e) {
                throw REGISTER.fail(
                        "--metric " + pair.substring(0, eq) + " needs a number, not '" + pair.substring(eq + 1) + "'");
            }
        }
        return out;
    }

    /** {@code %serve ads@2 --port 8099}, {@code %serve --stop}, or {@code %serve} for the running server. */
    synchronized Object serve(Notebook nb, List<String> args) {
        Map<String, List<String>> a = SERVE.parse(args);
        boolean stop = Usage.has(a, "stop");
        String ref = Usage.one(a, "ref", null);
        if (stop) {
            if (ref != null || Usage.has(a, "port")) {
                throw SERVE.fail("--stop takes nothing else");
            }
            if (server == null) {
                return nb.result(new JournalMagics.Line("serve", "no server is running"));
            }
            server.stop();
            ScoringServer stopped = server;
            server = null;
            return nb.result(stopped);
        }
        if (ref == null) {
            if (server == null) {
                throw SERVE.fail("no server is running; name a registered model to serve");
            }
            return nb.result(server);
        }
        int port = SERVE.wholeNumber(a, "port", 0);
        ModelRelease release = registry().load(ref);
        if (server != null) {
            server.stop(); // one endpoint per notebook: the new version replaces the old
        }
        server = ScoringServer.start(release, port);
        return nb.result(server);
    }

    /** {@code %shadow ads@production ads@3 yesterday --clicked clicked --cost cpc}. */
    Object shadow(Notebook nb, List<String> args) {
        Map<String, List<String>> a = SHADOW.parse(args);
        String production = a.get("production").get(0),
                candidate = a.get("candidate").get(0);
        Table traffic = Variables.table(nb, a.get("traffic").get(0));
        return nb.result(Shadow.replay(
                production, model(nb, production), candidate, model(nb, candidate), traffic, rule(SHADOW, a)));
    }

    /** {@code %monitor ads@production sixtyDays --by day --alert roc_auc<0.7 --smooth 3}. */
    Object monitor(Notebook nb, List<String> args) {
        Map<String, List<String>> a = MONITOR.parse(args);
        String time = Usage.one(a, "by", null);
        if (time == null) {
            throw MONITOR.fail("missing --by TIME");
        }
        MonitorOptions options = MonitorOptions.by(time)
                .withWindow(MONITOR.wholeNumber(a, "window", 1))
                .withSmoothing(MONITOR.wholeNumber(a, "smooth", 1))
                .withRetrainWindows(MONITOR.wholeNumber(a, "retrain", 7))
                .withRule(rule(MONITOR, a));
        String alert = Usage.one(a, "alert", null);
        if (alert != null) {
            Matcher m = ALERT.matcher(alert.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw MONITOR.fail("--alert needs METRIC<LEVEL such as roc_auc<0.7, not '" + alert + "'");
            }
            options = options.withAlert(m.group(1), Double.parseDouble(m.group(2)));
        }
        String modelArg = a.get("model").get(0);
        Table traffic = Variables.table(nb, a.get("traffic").get(0));
        String reference = Usage.one(a, "reference", null);
        Object variable = variable(nb, modelArg);
        if (variable == null && reference == null) {
            return nb.result(Monitor.replay(registry(), modelArg, traffic, options));
        }
        if (reference == null) {
            throw MONITOR.fail(
                    "'" + modelArg + "' is a notebook variable: give its training rows with --reference TABLE");
        }
        return nb.result(Monitor.replay(
                modelArg, model(nb, modelArg), Variables.table(nb, reference), traffic, options, journal.journal()));
    }

    private static ShowRule rule(Usage usage, Map<String, List<String>> a) {
        ShowRule rule = ShowRule.defaults();
        rule = rule.withThreshold(usage.number(a, "threshold", rule.threshold()))
                .withPositive(Usage.one(a, "positive", rule.positive()));
        String clicked = Usage.one(a, "clicked", null), cost = Usage.one(a, "cost", null);
        if (cost != null && clicked == null) {
            throw usage.fail("--cost needs --clicked COLUMN");
        }
        if (cost != null && cost.matches("[0-9.]+")) {
            return rule.withClicks(clicked, null).withCostPerClick(usage.number(a, "cost", 1.0));
        }
        return rule.withClicks(clicked, cost);
    }

    /** The model named by {@code arg}: a notebook variable holding one, else a registered version. */
    private ServingModel model(Notebook nb, String arg) {
        Object value = variable(nb, arg);
        if (value instanceof ServingModel s) {
            return s;
        }
        if (value instanceof ModelRelease r) {
            return r.model();
        }
        if (value != null) {
            throw Variables.notA(arg, value, "a ServingModel or ModelRelease");
        }
        return registry().load(arg).model();
    }

    /** The value of the variable {@code arg}, or null when {@code arg} is no variable (a registry name). */
    private static Object variable(Notebook nb, String arg) {
        if (!arg.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*")) {
            return null;
        }
        try {
            return Variables.value(nb, arg);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
