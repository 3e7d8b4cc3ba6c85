package org.mlcycle.toolkit.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlcycle.toolkit.i18n.MonitorWindows.window;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.deploy.MonitorOptions;
import org.mlcycle.toolkit.deploy.MonitorReport;
import org.mlcycle.toolkit.deploy.RetrainSuggestion;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.journal.Timeline;
import org.mlcycle.toolkit.quality.Checks;
import org.mlcycle.toolkit.quality.Profile;
import org.mlcycle.toolkit.report.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The sentences inside a report's HTML (alerts, suggestions, rules, notes) follow the learner's language. */
class ReportTextsTest {
    @AfterEach
    void back() {
        Messages.use(null);
    }

    /** A replay whose alert and suggestion are the ones the monitor writes. */
    private static MonitorReport monitored() {
        return new MonitorReport(
                "ads@1",
                "traffic",
                500,
                MonitorOptions.by("day").withAlert("show_rate", 0.3).withLabelDelay(1),
                List.of(window(1, 0.5, false), window(2, 0.2, true)),
                List.of("ads@1: show_rate is 0.2000 in window day 2, below 0.3000"),
                new RetrainSuggestion(
                        "day 2",
                        "day 2",
                        1,
                        new int[] {5, 6},
                        0,
                        "the alert first fired in day 2; the freshest labelled data shows the world as it is now"));
    }

    @Test
    @DisplayName("the monitoring alert, its rule and the retrain suggestion follow the language in HTML only")
    void monitor() {
        MonitorReport report = monitored();
        Messages.use("en");
        String en = report.toHtml();
        assertTrue(en.contains("show_rate &lt; 0.3000, labels 1 windows late"), en);
        assertTrue(en.contains("alert: ads@1: show_rate is 0.2000 in window day 2, below 0.3000</p>"), en);
        assertTrue(
                en.contains("<b>retrain on day 2 to day 2: the last 1 window, 2 rows (0 labelled); the alert first"),
                en);
        Messages.use("fa");
        String fa = report.toHtml();
        assertTrue(fa.contains("show_rate &lt; 0.3000، برچسب‌ها 1 پنجره دیرتر"), fa);
        assertTrue(fa.contains("هشدار: ads@1: show_rate در پنجرهٔ day 2 برابر 0.2000 است، کمتر از 0.3000"), fa);
        assertTrue(fa.contains("بازآموزی روی day 2 تا day 2: آخرین 1 پنجره، 2 سطر"), fa);
        assertTrue(fa.contains("هشدار نخستین بار در day 2 رخ داد"), fa);
        Messages.use("zh");
        assertTrue(report.toHtml().contains("告警：ads@1：窗口 day 2 中 show_rate 为 0.2000，低于 0.3000"));
        assertTrue(report.toText().contains("\n  alert: ads@1: show_rate is 0.2000 in window day 2, below 0.3000"));
        assertTrue(report.toText().endsWith("the freshest labelled data shows the world as it is now"));
        assertEquals(
                "show_rate < 0.3000, labels 1 windows late", report.toRecord().get("alert_rule"));
        Messages.use("pt");
        assertTrue(
                Html.escape(report.retrainSuggestion().orElseThrow().text()).startsWith("retrain on day 2 to day 2"),
                "the suggestion's text stays English");
        assertTrue(report.toHtml().contains("retreinar de day 2 a day 2: a última 1 janela"));
    }

    @Test
    @DisplayName("an alert written by hand is shown as written")
    void ownAlert() {
        MonitorReport own = new MonitorReport(
                "ads@1",
                "traffic",
                500,
                MonitorOptions.by("day").withAlert("show_rate", 0.3),
                List.of(window(1, 0.2, true)),
                List.of("show rate fell"),
                null);
        Messages.use("fa");
        assertTrue(own.toHtml().contains("هشدار: show rate fell"));
    }

    private static final Table ADS =
            Table.create("ads", DoubleColumn.create("bid", 10, 20, 75, 30), DoubleColumn.create("price", 1, 2, 3, 4));
    private static final Table LATER = Table.create(
            "later",
            DoubleColumn.create("bid", 11, 21, 70, 33),
            DoubleColumn.create("price", Double.NaN, Double.NaN, Double.NaN, Double.NaN));

    @Test
    @DisplayName("the drift rule line and a column's note follow the language; the text and record stay English")
    void drift() {
        var report = Drift.between(ADS, LATER);
        Messages.use("zh");
        String zh = report.toHtml();
        assertTrue(zh.contains("参照数据有 4 行（&lt;= 1000）：由 p 值检验判定"), zh);
        assertTrue(zh.contains("当前表中没有值"), zh);
        assertTrue(zh.contains("<p dir=\"ltr\""), "the rule line keeps its direction");
        Messages.use("fa");
        String fa = report.toHtml();
        assertTrue(fa.contains("<p dir=\"ltr\" style=\"color:#666;font-size:smaller\">مرجع 4 سطر دارد"), fa);
        assertTrue(report.toText().contains("\n  reference has 4 rows <= 1000: p-value tests decide"), report.toText());
        assertTrue(report.toText().contains("no values in the current table"), report.toText());
        assertTrue(String.valueOf(report.toRecord().get("rule")).startsWith("reference has 4 rows"));
    }

    @Test
    @DisplayName("a check's note and the profile's method line follow the language in HTML only")
    void checksAndProfile() {
        var checks = Checks.named("batch").hasMeanBetween("price", 0, 5).run(LATER);
        Messages.use("pt");
        assertTrue(checks.toHtml().contains("<td>nenhum valor</td>"), checks.toHtml());
        assertTrue(checks.toText().contains(": no values"), checks.toText());
        String profile = Profile.of(ADS).toHtml();
        assertTrue(profile.contains("quantis: interpolação linear (tipo 7)"), profile);
        Messages.use("en");
        assertTrue(checks.toHtml().contains("<td>no values</td>"));
        assertTrue(Profile.of(ADS).toHtml().contains(">quantiles: linear interpolation (type 7); std: sample (n-1)"));
    }

    @Test
    @DisplayName("the timeline translates the journal's own words in a summary, not the names in it")
    void timeline() {
        Timeline timeline = new Timeline(List.of(
                new Timeline.Event(Instant.EPOCH, "dataset", "ads (train)@2 (1200 rows, 7 columns)"),
                new Timeline.Event(Instant.EPOCH, "run", "#3 baseline (failed)"),
                new Timeline.Event(Instant.EPOCH, "exercise", "l03.split passed"),
                new Timeline.Event(Instant.EPOCH, "exercise", "l03.leak: model answer read"),
                new Timeline.Event(Instant.EPOCH, "stage", "data: 7 rows passed"),
                new Timeline.Event(
                        Instant.EPOCH,
                        "alert",
                        "warning monitor: ads@1: roc_auc is 0.6123 in window day 7, below 0.6500 (mean of 3 windows)"),
                new Timeline.Event(Instant.EPOCH, "alert", "warning monitor: ads@1: roc_auc is low in window day 7")));
        Messages.use("zh");
        String zh = timeline.toHtml();
        assertTrue(zh.contains("<td>ads (train)@2（1200 行，7 列）</td>"), zh);
        assertTrue(zh.contains("<td>l03.split 通过</td>"), zh);
        assertTrue(zh.contains("<td>l03.leak：已查看参考答案</td>"), zh);
        assertTrue(zh.contains("<td>data: 7 rows passed</td>"), "a stage note is the learner's own text");
        assertTrue(zh.contains("<td>warning monitor: ads@1：窗口 day 7 中 roc_auc 为 0.6123，低于 0.6500（3 个窗口的均值）</td>"), zh);
        assertTrue(zh.contains("<td>warning monitor: ads@1: roc_auc is low in window day 7</td>"), "a learner's alert");
        Messages.use("fa");
        assertTrue(timeline.toHtml().contains("<td>#3 baseline (ناموفق)</td>"), timeline.toHtml());
        assertTrue(timeline.toText().contains("ads (train)@2 (1200 rows, 7 columns)\n"), timeline.toText());
        Messages.use("en");
        String en = timeline.toHtml();
        assertTrue(en.contains("<td>ads (train)@2 (1200 rows, 7 columns)</td>"), en);
        assertTrue(en.contains("<td>#3 baseline (failed)</td>") && en.contains("<td>l03.split passed</td>"), en);
        assertTrue(en.contains("<td>l03.leak: model answer read</td>"), en);
        assertTrue(
                en.contains(
                        "<td>warning monitor: ads@1: roc_auc is 0.6123 in window day 7, below 0.6500 (mean of 3 windows)</td>"),
                en);
    }
}
