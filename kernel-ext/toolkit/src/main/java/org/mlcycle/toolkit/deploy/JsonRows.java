package org.mlcycle.toolkit.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * JSON rows to a Tablesaw table typed by an {@link InputSchema}, and table rows to JSON. A request
 * is one row object or an array of them; every input field must be there (null for a missing
 * value), no other field may be, and each value must fit its column's type. Anything else is a
 * {@link BadRequest} naming the row and the field.
 */
public final class JsonRows {
    private JsonRows() {}

    /** Parses {@code body} into a table with the schema's columns, in order. */
    public static Table read(String body, InputSchema schema) {
        JsonElement root = parseStrict(body);
        List<JsonObject> rows = new ArrayList<>();
        if (root.isJsonArray()) {
            JsonArray array = root.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                JsonElement e = array.get(i);
                if (!e.isJsonObject()) {
                    throw new BadRequest("row " + i + " is " + kind(e) + ", not an object of input fields");
                }
                rows.add(e.getAsJsonObject());
            }
        } else if (root.isJsonObject()) {
            rows.add(root.getAsJsonObject());
        } else {
            throw new BadRequest("the body is " + kind(root) + "; send a row object or an array of row objects");
        }
        if (rows.isEmpty()) {
            throw new BadRequest("no rows: the array is empty");
        }
        for (int i = 0; i < rows.size(); i++) {
            for (String key : rows.get(i).keySet()) {
                if (!schema.columns().containsKey(key)) {
                    throw new BadRequest("row " + i + ": unknown field '" + key + "' (the model reads "
                            + String.join(", ", schema.columns().keySet()) + ")");
                }
            }
        }
        Table table = Table.create("request");
        for (Map.Entry<String, String> c : schema.columns().entrySet()) {
            table.addColumns(column(c.getKey(), c.getValue(), rows));
        }
        return table;
    }

    /** Gson in strict mode (RFC 8259: no comments, no unquoted names, no NaN), and nothing after the value. */
    private static JsonElement parseStrict(String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequest("the body is empty; send a row object or an array of row objects");
        }
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new BadRequest("malformed JSON: more text after the first value");
            }
            return root;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            String why = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage()
                    : e.getMessage();
            throw new BadRequest("malformed JSON: " + firstLine(why));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int cut = s.indexOf("\nSee ");
        return (cut > 0 ? s.substring(0, cut) : s).lines().findFirst().orElse(s);
    }

    private static Column<?> column(String name, String type, List<JsonObject> rows) {
        int n = rows.size();
        Column<?> out = switch (type) {
            case "STRING" -> StringColumn.create(name, n);
            case "BOOLEAN" -> BooleanColumn.create(name, n);
            case "SHORT" -> ShortColumn.create(name, n);
            case "INTEGER" -> IntColumn.create(name, n);
            case "LONG" -> LongColumn.create(name, n);
            case "FLOAT" -> FloatColumn.create(name, n);
            default -> DoubleColumn.create(name, n);
        };
        for (int i = 0; i < n; i++) {
            JsonElement v = rows.get(i).get(name);
            if (v == null) {
                throw new BadRequest(
                        "row " + i + ": field '" + name + "' is missing (null stands for a missing value)");
            }
            if (v.isJsonNull()) {
                out.setMissing(i);
                continue;
            }
            set(out, i, name, type, v);
        }
        return out;
    }

    private static void set(Column<?> out, int i, String name, String type, JsonElement v) {
        JsonPrimitive p = v.isJsonPrimitive() ? v.getAsJsonPrimitive() : null;
        switch (type) {
            case "STRING" -> {
                if (p == null || !p.isString()) throw wrong(i, name, "a string", v);
                ((StringColumn) out).set(i, p.getAsString());
            }
            case "BOOLEAN" -> {
                if (p == null || !p.isBoolean()) throw wrong(i, name, "true or false", v);
                ((BooleanColumn) out).set(i, p.getAsBoolean());
            }
            case "FLOAT", "DOUBLE" -> {
                if (p == null || !p.isNumber()) throw wrong(i, name, "a number", v);
                double d = p.getAsDouble();
                if (!Double.isFinite(d)) throw wrong(i, name, "a finite number", v);
                if (out instanceof FloatColumn f) f.set(i, (float) d);
                else ((DoubleColumn) out).set(i, d);
            }
            default -> {
                if (p == null || !p.isNumber()) throw wrong(i, name, "a whole number", v);
                long whole;
                try {
                    whole = new BigDecimal(p.getAsString()).longValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    throw wrong(i, name, "a whole number", v);
                }
                switch (type) {
                    case "SHORT" -> {
                        if (whole != (short) whole) throw wrong(i, name, "a whole number that fits a short", v);
                        ((ShortColumn) out).set(i, (short) whole);
                    }
                    case "INTEGER" -> {
                        if (whole != (int) whole) throw wrong(i, name, "a whole number that fits an int", v);
                        ((IntColumn) out).set(i, (int) whole);
                    }
                    default -> ((LongColumn) out).set(i, whole);
                }
            }
        }
    }

    private static BadRequest wrong(int row, String name, String expected, JsonElement got) {
        String shown = got.toString();
        return new BadRequest("row " + row + ": field '" + name + "' must be " + expected + ", got "
                + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown));
    }

    private static String kind(JsonElement e) {
        if (e.isJsonNull()) return "null";
        if (e.isJsonArray()) return "an array";
        if (e.isJsonObject()) return "an object";
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isString() ? "a string" : p.isNumber() ? "a number" : "a boolean";
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of {@code table}'s schema columns as a JSON array. */
    public static String write(Table table, InputSchema schema, int from, int to) {
        List<Column<?>> columns = new ArrayList<>();
        for (String c : schema.columns().keySet()) {
            columns.add(table.column(c));
        }
        List<Map<String, Object>> rows = new ArrayList<>(Math.max(0, to - from));
        for (int r = from; r < to; r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Column<?> c : columns) {
                row.put(c.name(), c.isMissing(r) ? null : c.get(r));
            }
            rows.add(row);
        }
        return org.mlcycle.toolkit.report.Json.compact(rows);
    }
}
