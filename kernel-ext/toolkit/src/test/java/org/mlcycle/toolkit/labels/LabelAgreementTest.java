package org.mlcycle.toolkit.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.i18n.Messages;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class LabelAgreementTest {

    static Table twoLabelers() {
        return Table.create(
                "reviews",
                StringColumn.create(
                        "alice", new String[] {"ok", "ok", "ok", "spam", "spam", "ok", "spam", "ok", "ok", "ok"}),
                StringColumn.create(
                        "bob", new String[] {"ok", "ok", "spam", "spam", "ok", "ok", "spam", "ok", "ok", "ok"}));
    }

    @Test
    void kappaCorrectsTheRawAgreementForChance() {
        AgreementReport r = LabelAgreement.between(twoLabelers(), "alice", "bob");
        // p_o = 8/10; both say ok 7 times in 10: p_e = .7 x .7 + .3 x .3 = .58; kappa = .22 / .42
        assertEquals(0.8, r.observedAgreement(), 1e-12);
        assertEquals(0.58, r.chanceAgreement(), 1e-12);
        assertEquals(0.5238095238095238, r.kappa(), 1e-12); // scikit-learn's cohen_kappa_score
        assertEquals("moderate", r.strength());
        try {
            Messages.use("pt");
            assertEquals("moderada", r.strength(), "the word is the learner's language");
            assertTrue(r.toText().contains("(moderate)"), "the verdict line stays English throughout");
        } finally {
            Messages.use(null);
        }
        assertEquals(List.of("ok", "spam"), r.classes());
        assertArrayEquals(new long[] {6, 1}, r.confusion()[0]);
        assertArrayEquals(new long[] {1, 2}, r.confusion()[1]);
    }

    @Test
    void listsTheDisagreeingRowsWithBothLabels() {
        AgreementReport r = LabelAgreement.between(twoLabelers(), "alice", "bob");
        assertEquals(List.of(new Disagreement(2, "ok", "spam"), new Disagreement(4, "spam", "ok")), r.disagreements());
        assertTrue(
                r.toText()
                        .startsWith("label agreement: kappa 0.5238 (moderate), 'alice' and 'bob' agree on 0.8000 of 10"
                                + " rows; 2 disagree"),
                r.toText());
    }

    @Test
    void leavesOutRowsMissingALabelAndSaysHowMany() {
        Table t = twoLabelers();
        t.stringColumn("bob").setMissing(2);
        AgreementReport r = LabelAgreement.between(t, "alice", "bob");
        assertEquals(9, r.compared());
        assertEquals(1, r.skipped());
        assertEquals(1.0, r.observedAgreement() * 9 / 8, 1e-12);
    }

    @Test
    void kappaIsUndefinedWhenBothLabelersUseOneClass() {
        Table t = Table.create(
                "t", StringColumn.create("a", new String[] {"x", "x"}), StringColumn.create("b", new String[] {"x", "x"
                }));
        assertTrue(Double.isNaN(LabelAgreement.between(t, "a", "b").kappa()));
    }

    @Test
    void namesAMissingLabelerColumn() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> LabelAgreement.between(twoLabelers(), "alice", "carol"));
        assertEquals("label agreement: no column 'carol' in table 'reviews' (has: alice, bob)", e.getMessage());
    }
}
