package org.mlcycle.toolkit.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a schema expects of one column.
 *
 * @param name the column
 * @param type Tablesaw's type name
 * @param numeric whether it is a number column
 * @param missingShare the reference's share of missing cells (TFDV's presence, inverted)
 * @param domain the allowed text values, sorted; empty when the column has no domain
 * @param min the smallest reference value when ranges are kept, else NaN
 * @param max the largest reference value when ranges are kept, else NaN
 */
public record ColumnSchema(
        String name, String type, boolean numeric, double missingShare, List<String> domain, double min, double max) {

    public ColumnSchema {
        domain = List.copyOf(domain);
    }

    /** Whether values are checked against a domain. */
    public boolean hasDomain() {
        return !domain.isEmpty();
    }

    /** Whether values are checked against [min, max]. */
    public boolean hasRange() {
        return !Double.isNaN(min);
    }

    Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("type", type);
        r.put("missing_share", missingShare);
        if (hasDomain()) {
            r.put("domain", domain);
        }
        if (hasRange()) {
            r.put("min", min);
            r.put("max", max);
        }
        return r;
    }
}
