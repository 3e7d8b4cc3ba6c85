package org.mlcycle.toolkit.journal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * A recorded version of a dataset: {@code name@version}, its content hash, shape and schema
 * ({@code column:type}), and the version it was derived from ({@code parent}, or null).
 */
public record DatasetVersion(
        long id,
        String name,
        int version,
        String hash,
        int rows,
        int columns,
        List<String> schema,
        String parent,
        Instant at)
        implements Rendered {

    public DatasetVersion {
        schema = List.copyOf(schema);
    }

    /** {@code name@version}, the form {@code restore} takes. */
    public String ref() {
        return name + "@" + version;
    }

    /** The first 12 hex digits of the hash, enough to tell versions apart by eye. */
    public String shortHash() {
        return hash.substring(0, 12);
    }

    @Override
    public String toText() {
        return String.format(
                Locale.ROOT,
                "%s  %s  %,d rows × %d columns%s",
                ref(),
                shortHash(),
                rows,
                columns,
                parent == null ? "" : "  from " + parent);
    }

    @Override
    public String toHtml() {
        return "<div class=\"mlcycle-dataset\"" + Messages.dirAttribute() + "><b>" + Html.escape(ref())
                + "</b> <code>" + shortHash() + "</code> "
                + Html.escape(Messages.get("report.datasetVersion.size", rows, columns))
                + (parent == null ? "" : (Messages.rightToLeft() ? " &rarr; " : " &larr; ") + Html.escape(parent))
                + "<br><small>" + Html.escape(String.join(", ", schema)) + "</small></div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ref", ref());
        out.put("name", name);
        out.put("version", version);
        out.put("hash", hash);
        out.put("rows", rows);
        out.put("columns", columns);
        out.put("schema", schema);
        out.put("parent", parent);
        out.put("at", at.toString());
        return out;
    }
}
