package org.mlcycle.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.mlcycle.hooks.HookRegistry;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.hooks.MagicTable;
import org.mlcycle.magics.render.ChartRenderer;
import org.mlcycle.magics.render.NotebookProgress;
import org.mlcycle.magics.render.RecordRenderer;
import org.mlcycle.magics.render.RenderedRenderer;
import org.mlcycle.magics.render.TableRenderer;
import org.mlcycle.toolkit.report.Facts;
import org.mlcycle.toolkit.report.Progress;

/**
 * mlcycle's extension for any jjava-jupyter kernel (mlcycle's own, or a stock JJava 1.0-a6 after
 * {@code %classpath}): the one table of every renderer and magic it adds, plus the notebook's
 * default imports and the in-place progress bar. Found by {@link java.util.ServiceLoader}.
 */
public final class MlcycleExtension implements Extension {
    private static final Logger LOG = Logger.getLogger(MlcycleExtension.class.getName());

    /** Toolkit packages imported when they are on the classpath (some arrive with later modules). */
    private static final List<String> TOOLKIT_PACKAGES = List.of(
            "report",
            "quality",
            "drift",
            "labels",
            "imbalance",
            "metrics",
            "split",
            "bridge",
            "journal",
            "datasets",
            "charts",
            "deploy",
            "exercises",
            "io",
            "io.csv",
            "stats");

    private final JournalMagics journal = new JournalMagics(JournalMagics::defaultLocation);
    private final DeployMagics deploy = new DeployMagics(journal);
    private final ExerciseMagics exercises = new ExerciseMagics(journal);

    @Override
    public void install(BaseKernel kernel) {
        renderers(kernel.getRenderer());
        if (kernel.getMagicsRegistry() != null) {
            magics(
                    new MagicSet(kernel.getMagicsRegistry(), MagicTable.of(kernel), Notebook::of),
                    journal,
                    deploy,
                    exercises);
        }
        // %check_answer tells an answer cell left as the template from a wrong answer by the cells run
        HookRegistry.of(kernel).ifPresent(hooks -> hooks.addHooks(exercises.cells()));
        Progress.useAsStandard(() -> NotebookProgress.of(kernel));
        Facts.useAsStandard(fact -> kernel.display(factDisplay(fact)));
        for (String statement : defaultImports()) {
            try {
                kernel.eval(statement);
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "mlcycle: default import failed, notebooks must import it themselves: " + statement + " ("
                                + e.getMessage() + ")");
            }
        }
    }

    @Override
    public void uninstall(BaseKernel kernel) {
        Progress.useAsStandard(null);
        HookRegistry.of(kernel).ifPresent(hooks -> hooks.removeHooks(exercises.cells()));
        Facts.useAsStandard(null);
        deploy.close();
        journal.close();
    }

    /**
     * A fact as a display of the course's own MIME type only: no {@code text/plain}, so neither a
     * notebook nor nbconvert's HTML shows anything, while the executed notebook keeps the value.
     */
    public static DisplayData factDisplay(Map<String, Object> fact) {
        DisplayData data = new DisplayData();
        data.putData(Facts.MIME_TYPE, fact);
        return data;
    }

    /** Every renderer mlcycle adds, each by the type it shows. */
    public static void renderers(Renderer renderer) {
        TableRenderer.register(renderer); // tech.tablesaw.api.Table -> text/html, text/plain
        ChartRenderer.register(renderer); // org.knowm.xchart Chart -> image/png, image/svg+xml on request
        RenderedRenderer.register(renderer); // every toolkit result -> text/html, text/plain
        RecordRenderer.register(renderer); // mlcycle's plain records -> a card; lists of them -> a table
    }

    /** Every magic mlcycle adds, with deployment and exercise groups of their own on {@code journal}. */
    static List<MagicSpec> magics(MagicsRegistry registry, JournalMagics journal) {
        return magics(
                new MagicSet(registry, Optional.empty(), Notebook::of),
                journal,
                new DeployMagics(journal),
                new ExerciseMagics(journal));
    }

    /**
     * Every magic mlcycle adds, each registered with its {@link MagicSpec} (name, aliases, usage,
     * arguments needed), so {@code %help}, {@code %name?} and {@code %lsmagic} know them all; each
     * group's class documents its magics. Returns the specs in order.
     */
    static List<MagicSpec> magics(
            MagicSet magics, JournalMagics journal, DeployMagics deploy, ExerciseMagics exercises) {
        JournalMagics.register(magics, journal); // the lifecycle journal: %stage %objective %track %runs ...
        QualityMagics.register(magics); // %profile %checks %%checks %schema
        DatasetMagics.register(magics); // %datasets %read
        DriftMagics.register(magics); // %drift %drift_windows
        LabelMagics.register(magics); // %agreement %label_issues %imbalance
        MetricsMagics.register(magics); // %metrics %evaluate %curves
        DeployMagics.register(magics, deploy); // %deploy %serve %shadow %monitor (the registry lives in the journal)
        ExerciseMagics.register(
                magics, exercises); // %check_answer %progress %reveal %variant (attempts go to the journal)
        return magics.specs();
    }

    /**
     * The import statements evaluated at install: Tablesaw's API, XChart, and every toolkit
     * package present on this extension's classpath.
     */
    public static List<String> defaultImports() {
        List<String> imports = new ArrayList<>();
        imports.add("import tech.tablesaw.api.*;");
        imports.add("import org.knowm.xchart.*;");
        ClassLoader loader = MlcycleExtension.class.getClassLoader();
        for (String name : TOOLKIT_PACKAGES) {
            String folder = "org/mlcycle/toolkit/" + name.replace('.', '/') + "/";
            if (loader.getResource(folder) != null || loader.getResource(folder + "package-info.class") != null) {
                imports.add("import org.mlcycle.toolkit." + name + ".*;");
            }
        }
        if (imports.contains("import org.mlcycle.toolkit.datasets.*;")) {
            // java.time.* (an IJava default) has a Period too; in a notebook about the ad data,
            // Period means the data's period (java.time.Period stays reachable by its full name)
            imports.add("import org.mlcycle.toolkit.datasets.Period;");
        }
        return imports;
    }
}
