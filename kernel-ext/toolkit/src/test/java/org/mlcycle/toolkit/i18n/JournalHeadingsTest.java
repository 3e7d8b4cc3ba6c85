package org.mlcycle.toolkit.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.bridge.FeatureOptions;
import org.mlcycle.toolkit.bridge.FeatureSpec;
import org.mlcycle.toolkit.bridge.OutOfFold;
import org.mlcycle.toolkit.bridge.OutOfFoldProbabilities;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.bridge.TribuoLogging;
import org.mlcycle.toolkit.datasets.Datasets;
import org.mlcycle.toolkit.exercises.ExerciseProgress;
import org.mlcycle.toolkit.io.csv.Csv;
import org.mlcycle.toolkit.io.csv.CsvOptions;
import org.mlcycle.toolkit.io.csv.CsvResult;
import org.mlcycle.toolkit.journal.DatasetVersion;
import org.mlcycle.toolkit.journal.Lineage;
import org.mlcycle.toolkit.journal.Objective;
import org.mlcycle.toolkit.journal.Run;
import org.mlcycle.toolkit.journal.RunComparison;
import org.mlcycle.toolkit.journal.Timeline;
import org.mlcycle.toolkit.quality.Profile;
import org.mlcycle.toolkit.quality.ProfileAlert;
import org.mlcycle.toolkit.quality.ProfileReport;
import org.mlcycle.toolkit.quality.Schema;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.split.Folds;
import org.mlcycle.toolkit.split.Split;
import org.mlcycle.toolkit.split.Splits;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class JournalHeadingsTest {
    private static final Table ADS = Table.create(
            "ads",
            DoubleColumn.create("bid", 10, 20, 75, 30, 12, 18, 40, 22),
            StringColumn.create("device", "ios", "web", "ios", "android", "web", "ios", "web", "android"),
            StringColumn.create("clicked", "yes", "no", "no", "yes", "no", "no", "yes", "no"));

    private static final Run RUN = new Run(
            7,
            "logistic",
            "finished",
            Instant.parse("2026-01-02T10:00:00Z"),
            Duration.ofMillis(2500),
            Map.of("lr", "0.1"),
            Map.of("auc", 0.75),
            List.of("ads@abc"),
            List.of("model-1"));

    @BeforeAll
    static void quietTribuo() {
        TribuoLogging.quiet();
    }

    @AfterEach
    void back() {
        Messages.use(null);
    }

    @Test
    @DisplayName("a split's headline, headers and part names follow the language; its text stays English")
    void split() {
        Split split = Splits.random(ADS, 0.25, 1);
        Messages.use("fa");
        String fa = split.toHtml();
        assertTrue(fa.contains(Html.escape("تقسیم random: 8 سطر، آموزش 6، آزمون 2")), fa);
        assertTrue(fa.contains("<th>بخش</th><th>سطرها</th><th>سهم</th>"), fa);
        assertTrue(fa.contains("<td>آموزش</td><td>6</td>"), fa);
        assertTrue(fa.contains("dir=\"rtl\""), "the Persian report reads right to left");
        assertTrue(split.toText().startsWith("split: random, 8 rows -> train 6, test 2"), split.toText());
        Messages.use("en");
        String en = split.toHtml();
        assertTrue(
                en.startsWith("<div style=\"font-family:sans-serif\"><p style=\"margin:0 0 4px 0\"><b>"
                        + Html.escape(split.toText()) + "</b></p>"),
                en);
        assertTrue(en.contains("<th>part</th><th>rows</th><th>share</th>"), en);
        assertTrue(en.contains("<td>train</td><td>6</td>"), en);
        assertFalse(en.contains("dir="), en);
    }

    @Test
    @DisplayName("a feature spec's headline and headers follow the language; its text stays English")
    void features() {
        FeatureSpec spec = FeatureSpec.fit(ADS, FeatureOptions.of("clicked", List.of("bid"), List.of("device")));
        Messages.use("zh");
        String zh = spec.toHtml();
        assertTrue(zh.contains("特征：" + spec.width() + " 个特征，来自 1 个数值列和 1 个类别列，标签 &#39;clicked&#39;"), zh);
        assertTrue(zh.contains("<th>列</th><th>类型</th><th>变换</th>"), zh);
        assertTrue(spec.toText().startsWith("features: " + spec.width() + " features from 1 numeric"), spec.toText());
        Messages.use("en");
        String en = spec.toHtml();
        assertTrue(
                en.contains(
                        "<b>" + Html.escape(spec.toText().lines().findFirst().orElseThrow()) + "</b>"),
                en);
        assertTrue(en.contains("<th>column</th><th>kind</th><th>transform</th>"), en);
    }

    @Test
    @DisplayName("a run's line and the runs table translate their words, not the run's names or values")
    void runs() {
        Messages.use("pt");
        assertEquals(
                "<div class=\"mlcycle-run\">execução #7 logistic (concluída, 2.5 s)  auc=0.7500  parâmetros lr=0.1"
                        + "  dados ads@abc  modelo model-1</div>",
                RUN.toHtml());
        String table = new RunComparison(List.of(RUN)).toHtml();
        assertTrue(
                table.contains("<th>id</th><th>execução</th><th>estado</th><th>dados</th><th>lr</th><th>auc</th>"),
                table);
        assertTrue(table.contains("<td>concluída</td>"), table);
        assertEquals(
                "run #7 logistic (finished, 2.5 s)  auc=0.7500  params lr=0.1  data ads@abc  model model-1",
                RUN.toText());
        Messages.use("en");
        assertEquals("<div class=\"mlcycle-run\">" + Html.escape(RUN.toText()) + "</div>", RUN.toHtml());
        String en = new RunComparison(List.of(RUN)).toHtml();
        assertTrue(en.contains("<th>id</th><th>run</th><th>status</th><th>data</th>"), en);
        assertTrue(en.contains("<td>finished</td>"), en);
    }

    @Test
    @DisplayName("an objective's labels follow the language; a Persian pivot's arrow points right to left")
    void objective() {
        Objective pivot = new Objective(
                2, "ctr", "p99 < 50 ms", null, "ads team", "impressions", 3, Instant.parse("2026-01-02T10:00:00Z"));
        Messages.use("fa");
        String fa = pivot.toHtml();
        assertTrue(fa.startsWith("<div class=\"mlcycle-objective\" dir=\"rtl\"><b>تغییر هدف:</b>"), fa);
        assertTrue(fa.contains("&larr;"), fa);
        assertTrue(fa.contains("<br>محدودیت‌ها: p99 &lt; 50 ms"), fa);
        assertTrue(pivot.toText().startsWith("pivot: impressions -> ctr; constraints: p99 < 50 ms"), pivot.toText());
        Messages.use("en");
        assertEquals(
                "<div class=\"mlcycle-objective\"><b>Pivot:</b> <s>impressions</s> &rarr; <b>ctr</b>"
                        + "<br>constraints: p99 &lt; 50 ms<br>stakeholders: ads team</div>",
                pivot.toHtml());
    }

    @Test
    @DisplayName("an inferred schema's headline and headers follow the language; its text stays English")
    void schema() {
        Schema schema = Schema.infer(ADS);
        Messages.use("pt");
        String pt = schema.toHtml();
        assertTrue(pt.contains("esquema de &#39;ads&#39;: 3 colunas"), pt);
        assertTrue(pt.contains("<th>coluna</th><th>tipo</th><th>ausentes</th><th>domínio</th><th>intervalo</th>"), pt);
        assertTrue(schema.toText().startsWith("schema of 'ads': 3 columns"), schema.toText());
        Messages.use("en");
        String en = schema.toHtml();
        assertTrue(
                en.startsWith("<div class=\"mlcycle-schema\" style=\"font-family:sans-serif\">"
                        + "<p style=\"font-weight:bold\">schema of &#39;ads&#39;: 3 columns</p>"),
                en);
        assertTrue(en.contains("<th>column</th><th>type</th><th>missing</th><th>domain</th><th>range</th>"), en);
    }

    @Test
    @DisplayName("folds, a datasheet and a dataset version say rows and columns in the learner's language")
    void foldsDatasheetVersion() {
        Folds folds = Splits.kFold(ADS, 2, 1);
        DatasetVersion version = new DatasetVersion(
                1, "ads", 2, "0123456789abcdef", 1234, 3, List.of("bid:DOUBLE"), "ads@1", Instant.EPOCH);
        var sheet = Datasets.datasheet(Datasets.names().get(0));
        Messages.use("zh");
        String zh = folds.toHtml();
        assertTrue(zh.contains("折：2 折，共 8 行"), zh);
        assertTrue(zh.contains("<th>折</th><th>行数</th><th>类别</th>"), zh);
        assertTrue(folds.toText().startsWith("folds: 2 folds of 8 rows"), folds.toText());
        assertTrue(version.toHtml().contains("1,234 行 × 3 列"), version.toHtml());
        assertTrue(sheet.toHtml().contains("<th>列</th><th>类型</th><th>含义</th>"), sheet.toHtml());
        Messages.use("fa");
        assertTrue(version.toHtml().contains("1,234 سطر × 3 ستون &rarr; ads@1"), version.toHtml());
        Messages.use("en");
        assertTrue(
                folds.toHtml()
                        .contains("<b>"
                                + Html.escape(folds.toText().lines().findFirst().orElseThrow())),
                "en");
        assertTrue(version.toHtml().contains("</code> 1,234 rows × 3 columns &larr; ads@1<br>"), version.toHtml());
        assertTrue(sheet.toHtml().contains(" rows (<code>"), sheet.toHtml());
    }

    @Test
    @DisplayName("the journal's timeline and lineage tables translate headers and event kinds, not the events")
    void timelineAndLineage() {
        Timeline timeline = new Timeline(List.of(
                new Timeline.Event(Instant.EPOCH, "stage", "data"),
                new Timeline.Event(Instant.EPOCH, "model stage", "ctr@1: none -> staging")));
        Lineage lineage = new Lineage(
                List.of(new Lineage.Link("ads@1", null, 7, "logistic", "m1", Map.of("auc", 0.75), List.of("prod"))));
        Messages.use("fa");
        String fa = timeline.toHtml();
        assertTrue(fa.contains("<th>زمان (UTC)</th><th>نوع</th><th>شرح</th>"), fa);
        assertTrue(fa.contains("<td>مرحله</td><td>data</td>"), fa);
        assertTrue(fa.contains("<td>مرحلهٔ مدل</td>"), fa);
        assertTrue(lineage.toHtml().contains("<th>نسخهٔ داده</th>"), lineage.toHtml());
        assertTrue(timeline.toText().contains("  stage       data"), timeline.toText());
        Messages.use("en");
        assertTrue(timeline.toHtml().contains("<th>at (UTC)</th><th>kind</th><th>what</th>"), "en");
        assertTrue(timeline.toHtml().contains("<td>model stage</td>"), "en");
        assertTrue(
                lineage.toHtml()
                        .contains(
                                "<th>data version</th><th>run</th><th>model</th><th>metrics</th><th>deployed to</th>"),
                "en");
    }

    @Test
    @DisplayName("a csv read's quarantine report follows the language; its text stays English")
    void quarantine() throws IOException {
        CsvResult read =
                Csv.read(new StringReader("bid,device\n10,ios\nten,web\n,NA\n"), "ads.csv", CsvOptions.defaults());
        Messages.use("zh");
        String zh = read.toHtml();
        assertTrue(zh.contains("csv &#39;ads.csv&#39;：读取 "), zh);
        assertTrue(zh.contains("<th>列</th><th>类型</th><th>读作缺失</th><th>保留为取值</th>"), zh);
        assertTrue(zh.contains("缺失值标记："), zh);
        assertTrue(read.toText().startsWith("csv 'ads.csv': "), read.toText());
        Messages.use("en");
        String en = read.toHtml();
        assertTrue(en.contains("<th>column</th><th>type</th><th>read as missing</th><th>kept as values</th>"), en);
        assertTrue(en.contains("<p>missing tokens: "), en);
        assertFalse(en.contains("dir="), en);
    }

    @Test
    @DisplayName("exercise progress translates its headline, headers, status and how; the lesson's names stay")
    void progress() {
        ExerciseProgress progress = new ExerciseProgress(List.of(
                new ExerciseProgress.Row(
                        "04-first-model", "auc", "Compute the AUC", true, 2, 1, false, ExerciseProgress.Row.WITH_HINTS),
                new ExerciseProgress.Row("04-first-model", "threshold", "Pick a threshold", false, 0, 0, false, "")));
        Messages.use("pt");
        String pt = progress.toHtml();
        assertTrue(pt.contains("progresso: 1 de 2 exercícios aprovados, 2 tentativas, 1 dicas"), pt);
        assertTrue(pt.contains("<td>Compute the AUC</td><td>aprovado</td><td>com dicas</td>"), pt);
        assertTrue(pt.contains("<td>não tentado</td>"), pt);
        assertTrue(pt.contains("<th>lição</th><th>exercício</th>"), pt);
        assertTrue(progress.toText().startsWith("progress: 1 of 2 exercises passed"), progress.toText());
        Messages.use("en");
        String en = progress.toHtml();
        assertTrue(
                en.startsWith("<p><b>progress: 1 of 2 exercises passed, 2 attempts, 1 hints, 0 model answers read"),
                en);
        assertTrue(en.contains("<td>passed</td><td>with hints</td>"), en);
        assertTrue(en.contains("<th>answer revealed</th>"), en);
    }

    @Test
    @DisplayName("a profile's alerts read in the learner's language in the HTML, in English in the text")
    void profileAlerts() {
        ProfileReport profile = Profile.of(Table.create(
                "batch",
                StringColumn.create("country", "ir", "ir", "ir", "ir"),
                DoubleColumn.create("bid", 1, Double.NaN, 3, 4)));
        Messages.use("fa");
        String fa = profile.toHtml();
        assertTrue(fa.contains("<li>" + Html.escape("ثابت 'country': تنها یک مقدار متمایز: 'ir'") + "</li>"), fa);
        assertTrue(fa.contains("<li>" + Html.escape("گمشده 'bid': 1 گمشده (25.00% > 1.00%)") + "</li>"), fa);
        assertTrue(profile.toText().contains("! CONSTANT 'country': one distinct value: 'ir'"), profile.toText());
        Messages.use("en");
        String en = profile.toHtml();
        assertTrue(en.contains("<li>" + Html.escape("CONSTANT 'country': one distinct value: 'ir'") + "</li>"), en);
        assertTrue(en.contains("<li>" + Html.escape("MISSING 'bid': 1 missing (25.00% > 1.00%)") + "</li>"), en);
    }

    @Test
    @DisplayName("an alert the profile's rules did not write is shown as it was written")
    void handMadeAlert() {
        ProfileReport made = Profile.of(ADS);
        ProfileReport edited = new ProfileReport(
                made.table(),
                made.rows(),
                made.columns(),
                made.duplicateRows(),
                List.of(new ProfileAlert(ProfileAlert.Kind.SKEWED, "bid", 9, "checked by hand")),
                made.options());
        Messages.use("zh");
        assertTrue(edited.toHtml().contains("<li>SKEWED &#39;bid&#39;: checked by hand</li>"), edited.toHtml());
    }

    @Test
    @DisplayName("a serving model and out-of-fold probabilities head their HTML in the learner's language")
    void servingAndOutOfFold() {
        FeatureOptions options = FeatureOptions.of("clicked", List.of("bid"), List.of("device"));
        ServingModel model = ServingModel.train(ADS, options, new LogisticRegressionTrainer());
        OutOfFoldProbabilities oof = OutOfFold.probabilities(
                ADS, options, Splits.stratifiedKFold(ADS, "clicked", 2, 1), new LogisticRegressionTrainer());
        Messages.use("zh");
        String zh = model.toHtml();
        assertTrue(zh.contains("在线服务模型：LinearSGDModel，"), zh);
        assertTrue(zh.contains("<th>列</th><th>类型</th><th>变换</th>"), "the spec inside follows too: " + zh);
        assertTrue(model.toText().startsWith("serving model: LinearSGDModel on "), model.toText());
        String oofZh = oof.toHtml();
        assertTrue(oofZh.contains("折外预测：8 行，2 折（分层），类别 "), oofZh);
        assertTrue(oofZh.contains("<th>类别</th><th>行数</th><th>ROC-AUC（一对其余）</th>"), oofZh);
        assertTrue(oof.toText().startsWith("out-of-fold: 8 rows, 2 folds (stratified), ROC-AUC "), oof.toText());
        Messages.use("en");
        assertTrue(model.toHtml().contains("<b>" + Html.escape(model.toText()) + "</b>"), model.toHtml());
        assertTrue(oof.toHtml().contains("<b>" + Html.escape(oof.toText()) + "</b>"), oof.toHtml());
        assertTrue(oof.toHtml().contains("<th>class</th><th>rows</th><th>ROC-AUC (one vs rest)</th>"), "en");
    }
}
