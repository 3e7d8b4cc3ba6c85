package org.mlcycle.toolkit.i18n;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.labels.AgreementReport;
import org.mlcycle.toolkit.labels.LabelAgreement;
import org.mlcycle.toolkit.quality.Checks;
import org.mlcycle.toolkit.quality.Profile;
import org.mlcycle.toolkit.report.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ReportHeadingsTest {
    private static final Table ADS = Table.create("ads", DoubleColumn.create("bid", 10, 20, 75, 30));
    private static final Table LATER = Table.create("later", DoubleColumn.create("bid", 11, 21, 70, 33));

    @AfterEach
    void back() {
        Messages.use(null);
    }

    @Test
    @DisplayName("a profile's headline and column headers follow the language; English stays as it was")
    void profile() {
        Messages.use("fa");
        String fa = Profile.of(ADS).toHtml();
        assertTrue(fa.contains(Html.escape("نمایهٔ 'ads': 4 سطر")), "Persian profile");
        assertTrue(fa.contains("<th>میانگین</th>"), "Persian profile");
        assertTrue(fa.contains("dir=\"rtl\""), "the Persian report reads right to left");
        assertTrue(fa.contains("<table class=\"mlcycle\" dir=\"ltr\""), "its table stays left to right");
        Messages.use("en");
        String en = Profile.of(ADS).toHtml();
        assertTrue(en.contains(Html.escape("profile 'ads': 4 rows x 1 columns, 0 duplicate rows")), "English report");
        assertTrue(en.contains("<th>mean</th>"), "English report");
        assertFalse(en.contains("dir="), "English report");
    }

    @Test
    @DisplayName("a checks report's headline follows the language, its text output stays English")
    void checks() {
        Messages.use("zh");
        var report = Checks.named("batch").isComplete("bid").run(ADS);
        String zh = report.toHtml();
        assertTrue(zh.contains(Html.escape("检查 'batch'（数据 'ads'，4 行）：通过，0 / 1 条约束未通过")), "Chinese checks");
        assertTrue(zh.contains("<th>约束</th>"), "Chinese checks");
        assertTrue(report.toText().startsWith("checks 'batch' on 'ads' (4 rows): PASS"), report.toText());
        Messages.use("en");
        assertTrue(report.toHtml()
                .contains(Html.escape("checks 'batch' on 'ads' (4 rows): PASS, 0 of 1 constraints failed")));
    }

    @Test
    @DisplayName("a drift report's headline follows the language")
    void drift() {
        Messages.use("pt");
        String pt = Drift.between(ADS, LATER).toHtml();
        assertTrue(pt.contains(Html.escape("deriva 'ads' vs 'later': 0 de 1 colunas com deriva")), "Portuguese drift");
        Messages.use("en");
        String en = Drift.between(ADS, LATER).toHtml();
        assertTrue(
                en.contains(Html.escape("drift 'ads' vs 'later': 0 of 1 columns drifted (0%); dataset drift: no")),
                "English report");
        assertTrue(en.contains("<th>missing ref -&gt; cur</th>"), "English report");
    }

    @Test
    @DisplayName("the Chinese agreement headline puts the row count before the share, as Chinese reads")
    void agreementOrder() {
        AgreementReport r = LabelAgreement.between(
                Table.create(
                        "labels",
                        StringColumn.create("ann", "a", "a", "b", "b"),
                        StringColumn.create("bob", "a", "b", "b", "b")),
                "ann",
                "bob");
        Messages.use("zh");
        String zh = r.toHtml();
        assertTrue(zh.contains(Html.escape("'ann' 与 'bob' 在 4 行中的 0.7500 上一致；1 行不一致")), "Chinese agreement");
        assertTrue(r.verdict().contains("agree on 0.7500 of 4 rows"), r.verdict());
    }
}
