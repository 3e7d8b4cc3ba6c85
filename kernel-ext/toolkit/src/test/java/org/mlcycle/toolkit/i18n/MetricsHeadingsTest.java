package org.mlcycle.toolkit.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.mlcycle.toolkit.experiment.PeekingReport;
import org.mlcycle.toolkit.experiment.SampleSize;
import org.mlcycle.toolkit.imbalance.ThresholdChoice;
import org.mlcycle.toolkit.labels.RelabelQueue;
import org.mlcycle.toolkit.metrics.AdMetrics;
import org.mlcycle.toolkit.metrics.ClassificationReport;
import org.mlcycle.toolkit.metrics.Confusion;
import org.mlcycle.toolkit.metrics.CurveReport;
import org.mlcycle.toolkit.metrics.Curves;
import org.mlcycle.toolkit.metrics.LiftTable;
import org.mlcycle.toolkit.metrics.Metrics;
import org.mlcycle.toolkit.metrics.MetricsOptions;
import org.mlcycle.toolkit.metrics.ModelPlots;
import org.mlcycle.toolkit.metrics.Multiclass;
import org.mlcycle.toolkit.metrics.MulticlassReport;
import org.mlcycle.toolkit.metrics.TimeWindowReport;
import org.mlcycle.toolkit.report.Html;

/** The metrics, threshold, label-queue and experiment reports a learner reads, in the learner's language. */
class MetricsHeadingsTest {
    private static final ThresholdChoice THRESHOLD =
            new ThresholdChoice("recall >= 0.8", 0.3, new Confusion(8, 2, 88, 2), new Confusion(5, 1, 89, 5));
    private static final SampleSize PLAN = new SampleSize(0.02, 0.024, 0.05, 0.8, 21094.3, 21095);
    private static final PeekingReport PEEK = new PeekingReport(1000, 3, 0.05, 5000, 0.02, List.of(40, 80, 110), 52);

    @AfterEach
    void back() {
        Messages.use(null);
    }

    @Test
    @DisplayName("a chosen threshold's headline, goal and headers are Persian, right to left; its text stays English")
    void threshold() {
        Messages.use("fa");
        String fa = THRESHOLD.toHtml();
        assertTrue(fa.contains("آستانه: 0.3000 برای بازیابی دست‌کم 0.8 روی 100 سطر اعتبارسنجی"), fa);
        assertTrue(fa.contains("<th>پیش‌بینی مثبت</th>"), fa);
        assertTrue(fa.contains("dir=\"rtl\"") && fa.contains("<table class=\"mlcycle\" dir=\"ltr\""), fa);
        assertTrue(THRESHOLD.toText().startsWith("threshold: 0.3000 for recall >= 0.8 on 100 validation rows"));
        Messages.use("en");
        String en = THRESHOLD.toHtml();
        assertTrue(
                en.startsWith("<div style=\"font-family:sans-serif\"><p style=\"margin:0 0 4px 0\"><b>"
                        + Html.escape(THRESHOLD.toText()) + "</b></p>"),
                en);
        assertTrue(en.contains("<th>threshold</th><th>precision</th><th>recall</th><th>F1</th>"), en);
        assertFalse(en.contains("dir="), en);
    }

    @Test
    @DisplayName("a sample size reads in Chinese in HTML, in English as text")
    void sampleSize() {
        Messages.use("zh");
        assertTrue(PLAN.toHtml().contains("样本量：每组需 21,095 次展示，才能检测到点击率从 0.02 变为 0.024（+20.0%）"), PLAN.toHtml());
        assertTrue(PLAN.toHtml().contains("<th>每组展示次数</th>"), PLAN.toHtml());
        assertEquals(
                "sample size: 21,095 impressions per arm to detect CTR 0.02 -> 0.024 (+20.0%) at alpha 0.05, power 0.8",
                PLAN.toText());
        Messages.use("en");
        assertTrue(PLAN.toHtml().contains(Html.escape(PLAN.toText())), PLAN.toHtml());
    }

    @Test
    @DisplayName("a relabel queue's headline, headers and 'pending' are Portuguese")
    void relabelQueue() {
        RelabelQueue queue = new RelabelQueue(
                "label",
                List.of(new RelabelQueue.Item(3, "a", "b", 0.1, null), new RelabelQueue.Item(5, "b", "a", 0.2, "a")));
        Messages.use("pt");
        String pt = queue.toHtml();
        assertTrue(
                pt.contains(
                        Html.escape(
                                "fila de rerrotulagem: 2 linhas de 'label', 1 decididas (1 corrigidas, 0 mantidas), 1 pendentes")),
                pt);
        assertTrue(pt.contains("<th>rótulo dado</th>") && pt.contains("<td>pendente</td>"), pt);
        assertTrue(queue.toText().contains("-> pending"), queue.toText());
        Messages.use("en");
        String en = queue.toHtml();
        assertTrue(en.contains(Html.escape(queue.verdict())) && en.contains("<td>pending</td>"), en);
        assertTrue(en.contains("<th>self-confidence</th>"), en);
    }

    @Test
    @DisplayName("the Chinese relabel headline names the label column before its row count")
    void relabelOrder() {
        Messages.use("zh");
        String zh = new RelabelQueue("y", List.of(new RelabelQueue.Item(1, "a", "b", 0.1, null))).toHtml();
        assertTrue(zh.contains(Html.escape("重新标注队列：'y' 的 1 行，已决定 0 行（更正 0，保留 0），待定 1 行")), zh);
    }

    @Test
    @DisplayName("the peeking report's headline and rows are Persian; English HTML keeps its words")
    void peeking() {
        Messages.use("fa");
        String fa = PEEK.toHtml();
        assertTrue(fa.contains("نگاه پیش از موعد: 1,000 آزمون A/A در 3 روز"), fa);
        assertTrue(fa.contains(Html.escape("نگاه هر روز، توقف در نخستین p < 0.05")), fa);
        Messages.use("en");
        String en = PEEK.toHtml();
        assertTrue(
                en.contains(
                        Html.escape("peeking: 1,000 A/A tests over 3 days, false positives 11.0% when peeking daily")),
                en);
        assertTrue(en.contains(Html.escape("peek every day, stop at the first p < 0.05")), en);
        assertTrue(en.contains("one look at the planned size (day 3)"), en);
    }

    /** Needs fonts with Persian and Chinese letters, as {@link FontsTest}. */
    @ParameterizedTest
    @ValueSource(strings = {"fa", "zh"})
    @DisplayName("the peeking chart's title, axes and legend are in the language, in a font that draws them")
    void peekingChart(String lang) {
        Messages.use(lang);
        XYChart chart = PEEK.chart();
        assertEquals(Messages.in(lang, "report.peeking.chartTitle", 1000), chart.getTitle());
        assertEquals(Messages.in(lang, "report.peeking.chartDay"), chart.getXAxisTitle());
        String words = chart.getTitle()
                + chart.getYAxisTitle()
                + String.join("", chart.getSeriesMap().keySet());
        assertEquals(-1, chart.getStyler().getChartTitleFont().canDisplayUpTo(chart.getTitle()), chart.getTitle());
        assertEquals(-1, chart.getStyler().getLegendFont().canDisplayUpTo(words), words);
        Messages.use("en");
        assertEquals(
                "1,000 A/A tests: share declared 'significant'", PEEK.chart().getTitle());
    }

    private static final boolean[] ACTUAL = {true, false, true, false, false, true, false, false, false, false};
    private static final double[] SCORE = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.15, 0.1};

    @Test
    @DisplayName("model plots: headline, lift finding and column headers in Chinese; English HTML as before")
    void modelPlots() {
        ModelPlots plots = Curves.compare(ACTUAL, Map.of("lr", SCORE), MetricsOptions.defaults());
        Messages.use("zh");
        String zh = plots.toHtml();
        assertTrue(zh.contains(Html.escape("模型 'lr' 的图表，基于 10 行，3 个正例（基准率 0.3000）：ROC-AUC")), zh);
        assertTrue(zh.contains("按得分排在前 10.0% 的行包含 33.3% 的正例"), zh);
        assertTrue(zh.contains("<th>最高分组提升度</th>") && zh.contains("<th>累计提升度</th>"), zh);
        assertTrue(plots.verdict().startsWith("model plots of 'lr' on 10 rows, 3 positives"), plots.verdict());
        Messages.use("en");
        String en = plots.toHtml();
        assertTrue(en.contains(Html.escape(plots.verdict())), en);
        assertTrue(en.contains("<th>top-bucket lift</th>") && en.contains("<th>cumulative lift</th>"), en);
        assertTrue(
                en.contains(Html.escape("lift of 'lr': the top 10.0% of rows by score hold 33.3% of the positives")),
                en);
    }

    @Test
    @DisplayName("a precision-recall report reads in Portuguese, an undefined curve says why in Portuguese")
    void curves() {
        Messages.use("pt");
        String pt = Curves.precisionRecall(ACTUAL, SCORE).toHtml();
        assertTrue(pt.contains("curva precisão-revocação em 10 linhas (3 positivos, taxa base 0.3000"), pt);
        assertTrue(pt.contains("<th>modelo</th><th>AP</th><th>pontos</th>"), pt);
        String undefined = Curves.roc(new boolean[] {false, false}, new double[] {0.2, 0.4})
                .toHtml();
        assertTrue(undefined.contains("(indefinido: nenhum positivo)"), undefined);
        Messages.use("en");
        CurveReport en = Curves.roc(ACTUAL, SCORE);
        assertTrue(en.toHtml().contains(Html.escape(en.verdict())), en.toHtml());
        assertTrue(en.verdict().startsWith("ROC curve on 10 rows (3 positives"), en.verdict());
        assertTrue(en.toHtml().contains("<th>model</th><th>AUC</th><th>points</th>"), en.toHtml());
    }

    @Test
    @DisplayName("a lift table's headline and headers are Persian")
    void lift() {
        LiftTable table = LiftTable.of("lr", ACTUAL, SCORE, 5);
        Messages.use("fa");
        String fa = table.toHtml();
        assertTrue(
                fa.contains(Html.escape("لیفت 'lr': 20.0% سطرهای با بیشترین امتیاز، 33.3% از مثبت‌ها را در بر دارند")),
                fa);
        assertTrue(fa.contains("<th>لیفت تجمعی</th>"), fa);
        assertTrue(table.toText().startsWith("lift of 'lr': the top 20.0% of rows"), table.toText());
        Messages.use("en");
        assertTrue(table.toHtml().contains("<th>rows so far</th>"), table.toHtml());
    }

    @Test
    @DisplayName("a multiclass report's headline, averages, corner and chart title are Persian; its text English")
    void multiclass() {
        MulticlassReport r = Multiclass.of(new String[] {"x", "y", "z", "z"}, new String[] {"x", "z", "z", "z"});
        Messages.use("fa");
        String fa = r.toHtml();
        assertTrue(fa.contains(Html.escape("متریک‌ها: 3 کلاس، 4 سطر: صحت 0.7500")), fa);
        assertTrue(fa.contains(Html.escape("؛ هرگز پیش‌بینی نشده: y")), fa);
        assertTrue(fa.contains("<td>میانگین ماکرو</td>") && fa.contains("<th>واقعی \\ پیش‌بینی</th>"), fa);
        HeatMapChart chart = r.chart();
        assertEquals("ماتریس درهم‌ریختگی", chart.getTitle());
        assertEquals(-1, chart.getStyler().getChartTitleFont().canDisplayUpTo(chart.getTitle()), "a font with Persian");
        assertTrue(r.toText().startsWith("metrics: 3 classes, 4 rows: accuracy 0.7500"), r.toText());
        assertTrue(r.toText().contains("macro avg"), r.toText());
        Messages.use("en");
        String en = r.toHtml();
        assertTrue(en.contains(Html.escape("metrics: " + r.verdict())), en);
        assertTrue(en.contains("<td>macro avg</td>") && en.contains("<th>actual \\ predicted</th>"), en);
        assertEquals("confusion matrix", r.chart().getTitle());
    }

    @Test
    @DisplayName("ad metrics in Chinese put the requests before the impressions shown of them")
    void adMetrics() {
        AdMetrics ads = new AdMetrics(1000, 400, 12, 0.5);
        Messages.use("zh");
        String zh = ads.toHtml();
        assertTrue(zh.contains("广告：1000 次请求中 400 次展示（展示率 0.4000），12 次点击"), zh);
        assertTrue(zh.contains("<th>展示率</th>"), zh);
        Messages.use("en");
        assertTrue(
                ads.toHtml().contains(Html.escape(ads.toText())) && ads.toHtml().contains("<th>show rate</th>"));
        assertTrue(ads.toText().startsWith("ads: 400 impressions of 1000 requests (show rate 0.4000)"), ads.toText());
    }

    @Test
    @DisplayName("metrics over time: Portuguese headline with the window length in days, English text")
    void timeWindows() {
        ClassificationReport m = Metrics.binary(ACTUAL, SCORE);
        LocalDate d = LocalDate.of(2024, 3, 1);
        TimeWindowReport r = new TimeWindowReport(
                "day",
                7,
                List.of(
                        new TimeWindowReport.Window(d, d.plusDays(6), m),
                        new TimeWindowReport.Window(d.plusDays(7), d.plusDays(13), m)));
        Messages.use("pt");
        String pt = r.toHtml();
        assertTrue(pt.contains(Html.escape("métricas ao longo do tempo: 2 janelas de 7 dias por 'day'; ROC-AUC")), pt);
        assertTrue(pt.contains("<th>taxa base</th>"), pt);
        assertTrue(r.verdict().startsWith("metrics over time: 2 windows of 7 days by 'day'"), r.verdict());
        Messages.use("en");
        assertTrue(r.toHtml().contains(Html.escape(r.verdict())) && r.toHtml().contains("<th>base rate</th>"));
    }
}
