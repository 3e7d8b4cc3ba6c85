package org.mlcycle.toolkit.split;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import tech.tablesaw.api.Table;

/**
 * Remembers which table objects were handed out as the test part of a split (by identity: Tablesaw
 * tables do not override equals). Weak keys, so a test table that is no longer used is forgotten.
 */
final class TestSets {
    private static final Map<Table, Boolean> MARKED = Collections.synchronizedMap(new WeakHashMap<>());

    private TestSets() {}

    static Table mark(Table table) {
        MARKED.put(table, Boolean.TRUE);
        return table;
    }

    static boolean contains(Table table) {
        return table != null && MARKED.containsKey(table);
    }
}
