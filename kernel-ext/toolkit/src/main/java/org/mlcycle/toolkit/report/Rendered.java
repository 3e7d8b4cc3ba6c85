package org.mlcycle.toolkit.report;

import java.util.Map;

/**
 * A result that can show itself: as text (console, logs, {@code toString}), as HTML (a notebook
 * cell) and as a record of plain values (code, the journal, JSON). The magics module registers one
 * renderer for this interface, so a new result type needs no change there.
 */
public interface Rendered {

    /** Plain text, leading with the verdict and its numbers. */
    String toText();

    /** A self-contained HTML fragment (inline styles, no script elements; {@link Html#SORTABLE} tables) that survives nbconvert. */
    String toHtml();

    /** Plain values only (numbers, strings, booleans, lists and maps of them). */
    Map<String, Object> toRecord();
}
