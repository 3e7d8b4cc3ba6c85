package org.mlcycle.toolkit.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class RelabelQueueTest {

    static Table ads() {
        return Table.create(
                "ads",
                IntColumn.create("clicked", new int[] {0, 1, 0, 0, 1}),
                IntColumn.create("truth", new int[] {0, 0, 0, 1, 1}));
    }

    static LabelIssueReport suspects() {
        return new LabelIssueReport(
                List.of("0", "1"),
                5,
                new double[] {0.8, 0.6},
                new long[][] {{2, 1}, {1, 1}},
                new double[][] {{2, 1}, {1, 1}},
                List.of(new LabelIssue(3, "0", "1", 0.1), new LabelIssue(1, "1", "0", 0.3)),
                "given probabilities",
                Double.NaN);
    }

    @Test
    void acceptedCorrectionsMakeANewTableVersionAndLeaveTheOldOneAlone() {
        Table ads = ads();
        RelabelQueue q = RelabelQueue.of(suspects(), "clicked").acceptFrom(ads, "truth");
        assertEquals(2, q.changes().size());
        Table fixed = q.apply(ads);
        assertEquals(List.of(0, 0, 0, 1, 1), fixed.intColumn("clicked").asList());
        assertEquals(List.of(0, 1, 0, 0, 1), ads.intColumn("clicked").asList());
        assertEquals("ads (relabelled 2)", fixed.name());
    }

    @Test
    void aSuggestionAloneChangesNothing() {
        RelabelQueue q = RelabelQueue.of(suspects(), "clicked");
        assertEquals(2, q.pending().size());
        assertEquals(
                ads().intColumn("clicked").asList(),
                q.apply(ads()).intColumn("clicked").asList());
        assertEquals("relabel queue: 2 rows of 'clicked', 0 decided (0 corrected, 0 kept), 2 pending", q.verdict());
    }

    @Test
    void aReviewerCanKeepTheGivenLabel() {
        RelabelQueue q = RelabelQueue.of(suspects(), "clicked").accept(3, "1").accept(1, "1");
        assertEquals(1, q.changes().size());
        assertEquals("relabel queue: 2 rows of 'clicked', 2 decided (1 corrected, 1 kept), 0 pending", q.verdict());
    }

    @Test
    void refusesATableWhoseLabelsChangedSinceQueueing() {
        RelabelQueue q = RelabelQueue.of(suspects(), "clicked").accept(3, "1");
        Table other = ads();
        other.intColumn("clicked").set(3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.apply(other));
        assertEquals(
                "relabel: row 3 of table 'ads' has label '1', not '0' as when queued; was the queue made for this"
                        + " table?",
                e.getMessage());
    }

    @Test
    void refusesALabelThatDoesNotFitTheColumn() {
        RelabelQueue q = RelabelQueue.of(suspects(), "clicked").accept(3, "yes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.apply(ads()));
        assertEquals("relabel: label 'yes' for row 3 does not fit INTEGER column 'clicked'", e.getMessage());
    }

    @Test
    void twoLabelersDisagreementsCanBeQueuedToo() {
        RelabelQueue q = RelabelQueue.of(LabelAgreement.between(LabelAgreementTest.twoLabelers(), "alice", "bob"));
        assertEquals(2, q.items().size());
        assertEquals("alice", q.labelColumn());
        assertEquals("spam", q.items().get(0).suggested());
    }
}
