package org.mlcycle.toolkit.datasets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * The datasets a lesson can load, one line each: name, rows, file and what a row is.
 *
 * @param datasheets one per dataset, in the order of the story
 */
public record DatasetList(List<Datasheet> datasheets) implements Rendered {
    public DatasetList {
        datasheets = List.copyOf(datasheets);
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder(String.format(
                Locale.ROOT,
                "%d datasets (generator AdWorld %s, seed %d); Datasets.load(name):%n",
                datasheets.size(),
                AdWorld.GENERATOR_VERSION,
                AdWorldOptions.DEFAULT_SEED));
        for (Datasheet d : datasheets) {
            sb.append(String.format(
                    Locale.ROOT, "  %-30s %,8d rows  %-34s %s%n", d.name(), d.rows(), d.file(), d.summary()));
        }
        return sb.toString();
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new ArrayList<>();
        for (Datasheet d : datasheets) {
            rows.add(List.of(d.name(), String.format(Locale.ROOT, "%,d", d.rows()), d.file(), d.summary()));
        }
        return Html.table(Html.headers("report.datasetList.", "name", "rows", "file", "content"), rows);
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Datasheet d : datasheets) {
            list.add(d.toRecord());
        }
        r.put("generator", AdWorld.GENERATOR_VERSION);
        r.put("seed", AdWorldOptions.DEFAULT_SEED);
        r.put("datasets", list);
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
