package org.mlcycle.toolkit.datasets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * What one named dataset is: its file, its size, a sentence on what a row is, and every column with
 * its type and meaning. The full datasheet, with the generating process, is {@code datasets/DATASHEET.md}.
 *
 * @param name the name {@link Datasets#load(String)} takes, e.g. "ads/targeted-two-months-ago"
 * @param file the committed file with the same rows
 * @param rows rows of the committed file
 * @param summary what one row is and where it comes from
 * @param columns the columns in order
 */
public record Datasheet(String name, String file, long rows, String summary, List<Column> columns) implements Rendered {

    /**
     * One column of a dataset.
     *
     * @param name column name
     * @param type Tablesaw type name, e.g. INTEGER
     * @param meaning meaning, unit and range
     */
    public record Column(String name, String type, String meaning) {}

    public Datasheet {
        columns = List.copyOf(columns);
    }

    @Override
    public String toText() {
        StringBuilder sb =
                new StringBuilder(String.format(Locale.ROOT, "%s: %,d rows (%s). %s%n", name, rows, file, summary));
        for (Column c : columns) {
            sb.append(String.format(Locale.ROOT, "  %-16s %-8s %s%n", c.name(), c.type(), c.meaning()));
        }
        return sb.toString();
    }

    @Override
    public String toHtml() {
        List<List<?>> body = new ArrayList<>();
        for (Column c : columns) {
            body.add(List.of(c.name(), c.type(), c.meaning()));
        }
        // the summary and the meanings are English sentences: the block stays left to right
        return "<div><p><b>" + Html.escape(name) + "</b>: " + Html.escape(Messages.get("report.datasheet.rows", rows))
                + " (<code>" + Html.escape(file) + "</code>). " + Html.escape(summary) + "</p>"
                + Html.table(Html.headers("report.datasheet.", "column", "type", "meaning"), body) + "</div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("file", file);
        r.put("rows", rows);
        r.put("summary", summary);
        List<Map<String, Object>> cols = new ArrayList<>();
        for (Column c : columns) {
            cols.add(Map.of("name", c.name(), "type", c.type(), "meaning", c.meaning()));
        }
        r.put("columns", cols);
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }

    /** Meanings of every column the world writes, for any dataset that has it. */
    static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("query_id", "query id; 20000 and up are new queries"),
            Map.entry("category", "category 0..19 (3 travel, 7 insurance)"),
            Map.entry("topic", "topic 0..999, the unit of relevance (category = topic / 50)"),
            Map.entry("intent", "navigational (brand search), commercial or informational"),
            Map.entry("brand_id", "brand 0..199 (category = brand / 10), -1 if none"),
            Map.entry("n_tokens", "words in the query, 1 + Poisson(2)"),
            Map.entry("ad_id", "ad id 0..9999"),
            Map.entry("advertiser_id", "advertiser id 0..499"),
            Map.entry("keyword_id", "purchased keyword"),
            Map.entry("landing_score", "landing-page quality 0..1, observed with noise"),
            Map.entry("bid_cpc", "bid per click, currency units"),
            Map.entry("past_ctr", "the ad's historical click-through rate"),
            Map.entry("user_id", "user id 0..49999"),
            Map.entry("gender", "0 unknown, 1 male, 2 female (KDD coding)"),
            Map.entry("age", "age bucket 1..6 (KDD coding, 1 youngest)"),
            Map.entry("device", "mobile or desktop"),
            Map.entry("row_id", "row index in its stream"),
            Map.entry("day", "days before today (-1 = yesterday)"),
            Map.entry("hour", "hour of the request 0..23"),
            Map.entry("kw_match", "keyword match: none, broad, phrase, exact"),
            Map.entry("text_sim", "query-ad text similarity 0..1"),
            Map.entry("label_a", "labeler A: should the ad be shown (0/1)"),
            Map.entry("label_b", "labeler B on a random 25%, empty elsewhere"),
            Map.entry("Click", "clicks among the row's impressions"),
            Map.entry("Impression", "impressions aggregated in the row"),
            Map.entry("DisplayURL", "hash of the advertiser's display URL"),
            Map.entry("AdID", "ad id"),
            Map.entry("AdvertiserID", "advertiser id"),
            Map.entry("Depth", "ads shown for the request, 1..3"),
            Map.entry("Position", "position of this ad, 1..Depth"),
            Map.entry("QueryID", "query id"),
            Map.entry("KeywordID", "purchased keyword id"),
            Map.entry("TitleID", "ad title id"),
            Map.entry("DescriptionID", "ad description id"),
            Map.entry("UserID", "user id"),
            Map.entry("Day", "days before today"),
            Map.entry("Policy", "serving policy: legacy or model_v1"));
}
