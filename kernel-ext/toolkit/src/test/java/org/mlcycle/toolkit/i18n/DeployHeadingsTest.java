package org.mlcycle.toolkit.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlcycle.toolkit.i18n.MonitorWindows.window;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.mlcycle.toolkit.counterfactual.LoopReport;
import org.mlcycle.toolkit.deploy.MonitorOptions;
import org.mlcycle.toolkit.deploy.MonitorReport;
import org.mlcycle.toolkit.deploy.ParityReport;
import org.mlcycle.toolkit.deploy.RegistryView;
import org.mlcycle.toolkit.deploy.RetrainComparison;
import org.mlcycle.toolkit.deploy.RetrainPolicy;
import org.mlcycle.toolkit.deploy.ShadowReport;
import org.mlcycle.toolkit.deploy.ShowRule;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.drift.DriftWindows;
import org.mlcycle.toolkit.report.Html;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The deploy, monitoring and feedback-loop reports speak the learner's language in HTML, English in text. */
class DeployHeadingsTest {
    @AfterEach
    void back() {
        Messages.use(null);
    }

    private static MonitorReport monitored() {
        return new MonitorReport(
                "ads@1",
                "traffic",
                500,
                MonitorOptions.by("day").withAlert("show_rate", 0.3),
                List.of(window(1, 0.5, false), window(2, 0.2, true)),
                List.of("show_rate fell"),
                null);
    }

    @Test
    @DisplayName("the monitoring dashboard's headline, headers, alert mark and chart title follow the language")
    void monitor() {
        MonitorReport report = monitored();
        Messages.use("fa");
        String fa = report.toHtml();
        assertTrue(fa.contains(Html.escape("پایش ads@1 روی 'traffic': 2 پنجره به طول 1 بر حسب 'day'")), fa);
        assertTrue(fa.contains("1 هشدار، نخستین در day 2"), "Persian alert count");
        assertTrue(fa.contains("<th>پنجره</th>") && fa.contains("<th>نرخ نمایش</th>"), "Persian headers");
        assertTrue(fa.contains("<td>هشدار</td>"), "the alert mark in Persian");
        assertTrue(fa.startsWith("<div dir=\"rtl\""), "the Persian report reads right to left");
        assertTrue(fa.contains("<table class=\"mlcycle\" dir=\"ltr\""), "its table stays left to right");
        assertTrue(
                report.toText().startsWith("monitoring ads@1 on 'traffic': 2 windows of 1 by 'day'; "),
                "the text stays English");
        assertTrue(report.toText().contains("; 1 alert, first in day 2\n"), report.toText());
        assertTrue(report.toText().contains("show rate 0.2000  ALERT\n  alert: show_rate fell"), report.toText());
        Messages.use("zh");
        XYChart chart = report.dashboard();
        assertEquals("按 day 监控 ads@1", chart.getTitle());
        assertEquals(-1, chart.getStyler().getChartTitleFont().canDisplayUpTo(chart.getTitle()), "a font draws it");
        Messages.use("en");
        String en = report.toHtml();
        assertTrue(en.contains("<b>" + Html.escape(report.verdict()) + "</b>"), "the English headline is the text's");
        assertTrue(en.contains("; 1 alert, first in day 2</b>"), en);
        assertTrue(en.contains("<th>window</th><th>rows</th><th>labelled</th><th>show_rate</th><th>watched</th>"), en);
        assertTrue(en.contains("<td>ALERT</td>") && en.contains(">alert: show_rate fell</p>"), en);
        assertEquals("monitoring ads@1 by day", report.dashboard().getTitle());
        assertFalse(en.contains("dir="), "English reads left to right");
    }

    private static ShadowReport shadow() {
        return new ShadowReport(
                "legacy",
                "ads@2",
                "traffic",
                ShowRule.defaults(),
                new double[] {0.1, 0.9, 0.6},
                new double[] {0.2, 0.8, 0.3},
                new boolean[] {false, true, true},
                new boolean[] {false, true, false},
                null,
                null,
                null,
                null);
    }

    @Test
    @DisplayName("a shadow run's headline, headers and model roles follow the language, its text stays English")
    void shadowRun() {
        ShadowReport report = shadow();
        Messages.use("zh");
        String zh = report.toHtml();
        assertTrue(zh.contains(Html.escape("影子运行：legacy 在线服务，ads@2 只记录，共 3 行（数据 'traffic'）")), zh);
        assertTrue(zh.contains("<th>模型</th><th>展示率</th>"), "Chinese headers");
        assertTrue(zh.contains("<td>ads@2（影子，只记录）</td>"), "the candidate's role in Chinese");
        assertTrue(report.toText().startsWith("shadow: legacy served, ads@2 logged on 3 rows of 'traffic'"));
        assertTrue(report.toText().contains("ads@2 (shadow, logged), show rate 0.3333"), report.toText());
        Messages.use("en");
        String en = report.toHtml();
        assertTrue(
                en.contains(Html.escape("shadow: legacy served, ads@2 logged on 3 rows of 'traffic'; same decision on"
                        + " 66.7%; only the candidate shows 0, only production 1")),
                en);
        assertTrue(en.contains("<th>model</th><th>show rate</th><th>precision</th>"), en);
        assertTrue(en.contains("<td>legacy (served)</td>"), en);
    }

    @Test
    @DisplayName("a parity check's verdict word follows the language")
    void parity() {
        ParityReport same = new ParityReport("ads@1", 8, 2, 8, 8, 0.0, List.of("ads@1"));
        ParityReport apart = new ParityReport("ads@1", 8, 2, 7, 8, 1e-9, List.of("ads@1"));
        Messages.use("pt");
        assertTrue(same.toHtml().contains("paridade ads@1: IDÊNTICO; 8 de 8 linhas"), same.toHtml());
        assertTrue(apart.toHtml().contains("paridade ads@1: DIFERENTE; 7 de 8 linhas"), apart.toHtml());
        assertTrue(same.toText().startsWith("parity ads@1: IDENTICAL; 8 of 8 rows have identical probabilities"));
        Messages.use("fa");
        assertTrue(apart.toHtml().contains("هم‌خوانی ads@1: متفاوت؛"), apart.toHtml());
        Messages.use("en");
        assertEquals(
                "<p style=\"font-family:sans-serif\"><b>" + Html.escape(apart.toText()) + "</b></p>", apart.toHtml());
        assertTrue(apart.toText()
                .equals("parity ads@1: DIFFERENT; 7 of 8 rows have identical probabilities, 8 the same prediction,"
                        + " largest difference 1.00e-09 (2 requests, answered by ads@1)"));
    }

    @Test
    @DisplayName("a retrain comparison's headline, headers and chart follow the language, its text stays English")
    void retrainPolicies() {
        RetrainComparison comparison = new RetrainComparison(
                "traffic",
                MonitorOptions.by("day").withAlert("show_rate", 0.3).withRetrainWindows(2),
                List.of("day 1", "day 2", "day 3"),
                List.of(1.0, 2.0, 3.0),
                List.of(
                        new RetrainComparison.Run(RetrainPolicy.never(), List.of(0.5, 0.4, 0.3), List.of()),
                        new RetrainComparison.Run(RetrainPolicy.every(2), List.of(0.5, 0.4, 0.5), List.of("day 2"))));
        Messages.use("pt");
        String pt = comparison.toHtml();
        assertTrue(
                pt.contains(
                        Html.escape(
                                "políticas de retreinamento em 'traffic', 3 janelas por 'day', observando show_rate < 0.3000:")),
                pt);
        assertTrue(
                pt.contains("<th>política</th><th>retreinos</th><th>retreinado após</th><th>média de show_rate</th>"
                        + "<th>média das últimas 2 janelas</th>"),
                pt);
        assertEquals(
                "show_rate por janela em cada política de retreinamento",
                comparison.chart().getTitle());
        assertTrue(comparison.toText().startsWith("retrain policies on 'traffic', 3 windows by 'day'"));
        Messages.use("en");
        String en = comparison.toHtml();
        assertTrue(
                en.contains("<b>"
                        + Html.escape(comparison.toText().lines().findFirst().orElseThrow()) + "</b>"),
                en);
        assertTrue(
                en.contains("<th>policy</th><th>retrains</th><th>retrained after</th><th>mean show_rate</th>"
                        + "<th>mean of the last 2 windows</th>"),
                en);
        assertEquals(
                "show_rate per window under each retrain policy",
                comparison.chart().getTitle());
    }

    @Test
    @DisplayName("the registry's headline and headers follow the language")
    void registry() {
        RegistryView empty = new RegistryView("ads", List.of(), List.of());
        Messages.use("zh");
        String zh = empty.toHtml();
        assertTrue(zh.contains(Html.escape("模型注册表 'ads'：0 个模型，共 0 个版本；生产中：无")), zh);
        assertTrue(zh.contains("<th>版本</th><th>阶段</th><th>训练数据</th>"), zh);
        assertEquals("model registry 'ads': 0 versions of 0 models; in production: none", empty.toText());
        Messages.use("en");
        String en = empty.toHtml();
        assertTrue(
                en.contains("<b>" + Html.escape("model registry 'ads': 0 versions of 0 models; in production: none")
                        + "</b>"),
                en);
        assertTrue(en.contains("<th>version</th><th>stage</th><th>training data</th>"), en);
    }

    @Test
    @DisplayName("a feedback loop's rounds are headed in the learner's language, the text stays English")
    void feedbackLoop() {
        LoopReport loop = new LoopReport(
                "greedy",
                0.0,
                1_000,
                List.of(
                        new LoopReport.Round(1, 900, 120, 0, 0.05, 0.05, 0.1, 0.05, 0.02, 100, 30),
                        new LoopReport.Round(2, 900, 60, 120, 0.04, 0.04, 0.09, 0.04, 0.03, 100, 55)),
                null);
        Messages.use("fa");
        String fa = loop.toHtml();
        assertTrue(fa.contains("greedy (epsilon 0.00)، 2 دور از 1,000 درخواست"), fa);
        assertTrue(fa.contains("<th>آگهی‌های متمایز نمایش‌داده‌شده</th>"), fa);
        assertTrue(fa.contains("<td>55 از 100</td>"), fa);
        assertTrue(fa.startsWith("<div dir=\"rtl\""), fa);
        assertEquals(
                "greedy (epsilon 0.00), 2 rounds of 1,000 requests: distinct ads shown 120 -> 60;"
                        + " estimate gap 0.0200 -> 0.0300",
                loop.toText());
        Messages.use("en");
        String en = loop.toHtml();
        assertTrue(en.contains("<b>" + Html.escape(loop.toText()) + "</b>"), en);
        assertTrue(en.contains("<th>distinct ads shown</th>") && en.contains("<td>55 of 100</td>"), en);
        assertTrue(en.contains(">* from the simulator's click chances: its privilege, no log holds them</p>"), en);
    }

    @Test
    @DisplayName("drift over time: headline, headers and the dataset verdict follow the language")
    void driftOverTime() {
        double[] ref = new double[20];
        double[] cur = new double[40];
        LocalDateTime[] ts = new LocalDateTime[40];
        LocalDateTime day1 = LocalDate.of(2024, 3, 1).atTime(9, 0);
        for (int i = 0; i < 20; i++) {
            ref[i] = i + 1;
            cur[i] = i + 1;
            ts[i] = day1.plusMinutes(i);
            cur[20 + i] = i + 101;
            ts[20 + i] = day1.plusDays(1).plusMinutes(i);
        }
        DriftWindows windows = Drift.overTime(
                Table.create("march", DoubleColumn.create("bid", ref)),
                Table.create("april", DoubleColumn.create("bid", cur), DateTimeColumn.create("ts", ts)),
                "ts",
                Duration.ofDays(1));
        Messages.use("pt");
        String pt = windows.toHtml();
        assertTrue(
                pt.contains(Html.escape("deriva ao longo do tempo 'march' vs 'april' por 'ts' em janelas de PT24H:"
                        + " 1 de 2 janelas com deriva no conjunto")),
                pt);
        assertTrue(pt.contains("<th>deriva do conjunto de dados</th>") && pt.contains("<td>SIM</td>"), pt);
        assertTrue(windows.toText().startsWith("drift over time 'march' vs 'april'"), windows.toText());
        Messages.use("en");
        String en = windows.toHtml();
        assertTrue(en.contains(Html.escape("drift over time 'march' vs 'april' by 'ts' in PT24H windows:"
                + " 1 of 2 windows drifted as a whole")));
        assertTrue(en.contains("<th>dataset drift</th>") && en.contains("<td>YES</td><td>bid</td>"), en);
    }
}
