package org.mlcycle.toolkit.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.drift.DriftReport;
import org.mlcycle.toolkit.metrics.Calibration;
import org.mlcycle.toolkit.metrics.Confusion;
import org.mlcycle.toolkit.metrics.Curves;
import org.mlcycle.toolkit.quality.CheckReport;
import org.mlcycle.toolkit.quality.Checks;
import org.mlcycle.toolkit.quality.Schema;
import org.mlcycle.toolkit.quality.SchemaReport;
import org.mlcycle.toolkit.report.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The words drawn inside charts, and the verdict words of report tables, in the learner's language. */
class ChartHeadingsTest {
    private static final boolean[] ACTUAL = {true, false, true, false, true, false, false, true};
    private static final double[] SCORE = {0.9, 0.2, 0.7, 0.4, 0.6, 0.65, 0.1, 0.8};
    private static final Table ADS = Table.create("ads", DoubleColumn.create("bid", 10, 20, 75, 30, 25, 15));
    private static final Table LATER = Table.create("later", DoubleColumn.create("bid", 910, 920, 975, 930, 925, 915));

    @AfterEach
    void back() {
        Messages.use(null);
    }

    private static void drawable(Font font, String text) {
        int at = font.canDisplayUpTo(text);
        assertEquals(-1, at, () -> font.getFontName() + " cannot draw '" + text.substring(at) + "'");
    }

    @Test
    @DisplayName("a Persian ROC chart has Persian title, axis and chance line, drawn with a font that has the letters")
    void rocInPersian() {
        Messages.use("fa");
        XYChart chart = Curves.roc(ACTUAL, SCORE).chart();
        assertEquals("منحنی ROC", chart.getTitle());
        assertEquals("نرخ مثبت کاذب", chart.getXAxisTitle());
        assertTrue(
                chart.getSeriesMap().containsKey("تصادفی (AUC 0.5)"),
                chart.getSeriesMap().keySet()::toString);
        drawable(chart.getStyler().getChartTitleFont(), chart.getTitle());
        drawable(chart.getStyler().getAxisTitleFont(), chart.getYAxisTitle());
        drawable(chart.getStyler().getLegendFont(), "تصادفی");
    }

    @Test
    @DisplayName("English charts keep their titles, axes and legend names")
    void englishChartsUnchanged() {
        Messages.use("en");
        XYChart roc = Curves.roc(ACTUAL, SCORE).chart();
        assertEquals("ROC curve", roc.getTitle());
        assertEquals("true-positive rate (recall)", roc.getYAxisTitle());
        assertTrue(roc.getSeriesMap().containsKey("chance (AUC 0.5)"));
        XYChart pr = Curves.precisionRecall(ACTUAL, SCORE).chart();
        assertEquals("precision-recall curve", pr.getTitle());
        assertTrue(
                pr.getSeriesMap().containsKey("chance (base rate 0.5000)"),
                pr.getSeriesMap().keySet()::toString);
        XYChart reliability = Calibration.of(ACTUAL, SCORE, 4).chart();
        assertEquals("reliability diagram", reliability.getTitle());
        assertTrue(reliability.getSeriesMap().containsKey("perfectly calibrated"));
        HeatMapChart confusion = Confusion.of(ACTUAL, ACTUAL).chart();
        assertEquals("confusion matrix", confusion.getTitle());
        assertEquals("predicted", confusion.getXAxisTitle());
        CategoryChart scores = Charts.scoreBars("effect", List.of("bid"), List.of(0.3), 0.1);
        assertEquals("effect (threshold 0.100)", scores.getTitle());
        assertEquals("column", scores.getXAxisTitle());
    }

    @Test
    @DisplayName("Chinese reliability, confusion and score charts say their words in Chinese, in a font that has them")
    void chartsInChinese() {
        Messages.use("zh");
        XYChart reliability = Calibration.of(ACTUAL, SCORE, 4).chart();
        assertEquals("可靠性图", reliability.getTitle());
        assertTrue(reliability.getSeriesMap().containsKey("完美校准"));
        drawable(reliability.getStyler().getChartTitleFont(), reliability.getTitle());
        HeatMapChart confusion = Confusion.of(ACTUAL, ACTUAL).chart();
        assertEquals("混淆矩阵", confusion.getTitle());
        assertEquals("预测", confusion.getXAxisTitle());
        drawable(confusion.getStyler().getAxisTitleFont(), "预测实际");
        drawable(confusion.getStyler().getAxisTickLabelsFont(), "正例负例");
        CategoryChart scores = Charts.scoreBars("效应", List.of("bid"), List.of(0.3), 0.1);
        assertEquals("效应 （阈值 0.100）", scores.getTitle());
        assertEquals("列", scores.getXAxisTitle());
    }

    @Test
    @DisplayName("a failing checks report shows its verdicts and measures in Chinese in HTML, in English in text")
    void checkVerdicts() {
        Messages.use("zh");
        CheckReport report = Checks.named("batch").isBetween("bid", 0, 50).run(ADS);
        String zh = report.toHtml();
        assertTrue(zh.contains(Html.escape("（数据 'ads'，6 行）：未通过，1 / 1 条约束未通过")), zh);
        assertTrue(zh.contains("<td>未通过</td>"), "the failing row's verdict");
        assertTrue(zh.contains("<td>6 行中 83.33% 通过，1 行未通过</td>"), "what was measured");
        assertFalse(zh.contains("FAIL"), zh);
        assertTrue(report.toText().startsWith("checks 'batch' on 'ads' (6 rows): FAIL"), report.toText());
        assertTrue(report.toText().contains("  FAIL "), report.toText());
        assertTrue(report.toText().contains("83.33% of 6 rows pass, 1 fail"), report.toText());
        Messages.use("en");
        String en = report.toHtml();
        assertTrue(en.contains(Html.escape("checks 'batch' on 'ads' (6 rows): FAIL, 1 of 1 constraints failed")), en);
        assertTrue(en.contains("<td>FAIL</td>"), en);
    }

    @Test
    @DisplayName("a drifted column reads 'drift' and 'numeric' in Persian HTML, DRIFT in English, and its charts too")
    void driftVerdicts() {
        DriftReport report = Drift.between(ADS, LATER);
        Messages.use("fa");
        String fa = report.toHtml();
        assertTrue(fa.contains("<td>رانش</td>"), fa);
        assertTrue(fa.contains("<td>عددی</td>"), fa);
        assertTrue(fa.contains("alt=\"" + Html.escape("bid: مرجع در برابر فعلی") + "\""), "the shares chart's title");
        assertFalse(fa.contains("<td>DRIFT</td>"), fa);
        assertTrue(report.toText().contains("DRIFT"), report.toText());
        Messages.use("en");
        String en = report.toHtml();
        assertTrue(en.contains("<td>DRIFT</td>"), en);
        assertTrue(en.contains("<td>numeric</td>"), en);
        assertTrue(en.contains("alt=\"bid: reference vs current\""), "the English chart title");
    }

    @Test
    @DisplayName("a failed schema validation reads INVÁLIDO and names its anomaly in Portuguese, INVALID in English")
    void schemaVerdicts() {
        SchemaReport report = Schema.infer(ADS).validate(Table.create("later", DoubleColumn.create("price", 1, 2)));
        Messages.use("pt");
        String pt = report.toHtml();
        assertTrue(pt.contains("INVÁLIDO"), pt);
        assertTrue(pt.contains("<td>coluna ausente</td>"), pt);
        Messages.use("en");
        String en = report.toHtml();
        assertTrue(en.contains("INVALID"), en);
        assertTrue(en.contains("<td>MISSING_COLUMN</td>"), en);
    }
}
