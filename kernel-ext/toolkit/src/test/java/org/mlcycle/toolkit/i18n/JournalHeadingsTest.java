package org.mlcycle.toolkit.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.bridge.FeatureOptions;
import org.mlcycle.toolkit.bridge.FeatureSpec;
import org.mlcycle.toolkit.journal.Objective;
import org.mlcycle.toolkit.journal.Run;
import org.mlcycle.toolkit.journal.RunComparison;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.split.Split;
import org.mlcycle.toolkit.split.Splits;
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
                "run #7 logistic (finished, 2.5 s)  auc=0.75  params lr=0.1  data ads@abc  model model-1",
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
}
