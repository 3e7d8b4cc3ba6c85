package org.mlcycle.toolkit.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one constraint.
 *
 * @param constraint the constraint's label, e.g. "isBetween(bid, 0, 50) mostly 0.99"
 * @param kind its kind
 * @param column the column ("" for table-level constraints without one)
 * @param passed whether it holds
 * @param measured the share of checked rows that pass (row-level), or the measured row count, mean, quantile
 * @param checked rows checked (non-missing cells, except for completeness and predicates)
 * @param failed rows that failed (row-level)
 * @param failingRows the first failing rows, at most {@link Checks#FAILING_ROWS_KEPT}
 * @param note why a number could not be measured, or ""
 */
public record ConstraintResult(
        String constraint,
        Constraint.Kind kind,
        String column,
        boolean passed,
        double measured,
        long checked,
        long failed,
        List<FailingRow> failingRows,
        String note) {

    public ConstraintResult {
        failingRows = List.copyOf(failingRows);
    }

    /** Plain values. */
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("constraint", constraint);
        r.put("kind", kind.name());
        r.put("column", column);
        r.put("passed", passed);
        r.put("measured", measured);
        r.put("checked", checked);
        r.put("failed", failed);
        r.put(
                "failing_rows",
                failingRows.stream().map(f -> List.of(f.row(), f.value())).toList());
        r.put("note", note);
        return r;
    }
}
