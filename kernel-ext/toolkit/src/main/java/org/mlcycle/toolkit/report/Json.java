package org.mlcycle.toolkit.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * Writes plain values (the {@code toRecord()} forms: maps, lists, strings, numbers, booleans,
 * null) as JSON with Gson, the toolkit's one JSON library (it also reads scoring requests), for the
 * journal's export, the scoring server's replies and the benchmarks' output lines. Two choices differ
 * from Gson's defaults: NaN and infinities become null, as in pandas' and Python's JSON output the
 * benchmarks are compared with (Gson would refuse them), and any other object is written as its
 * {@code toString()} rather than field by field.
 */
public final class Json {
    private static final Gson COMPACT = builder().create();
    private static final Gson PRETTY = builder().setPrettyPrinting().create();

    private Json() {}

    /** One line, no spaces: the benchmarks' JSON lines. */
    public static String compact(Object value) {
        return COMPACT.toJson(value);
    }

    /** Indented by two spaces per level, ending with a newline: files people read. */
    public static String pretty(Object value) {
        return PRETTY.toJson(value) + "\n";
    }

    private static GsonBuilder builder() {
        TypeAdapter<Number> decimals = new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, Number value) throws IOException {
                if (value == null || !Double.isFinite(value.doubleValue())) {
                    out.nullValue();
                } else {
                    out.value(value.doubleValue());
                }
            }

            @Override
            public Number read(JsonReader in) {
                throw new UnsupportedOperationException("report.Json only writes");
            }
        };
        return new GsonBuilder()
                .serializeNulls()
                .disableHtmlEscaping()
                .registerTypeAdapter(Double.class, decimals)
                .registerTypeAdapter(double.class, decimals)
                .registerTypeAdapter(Float.class, decimals)
                .registerTypeAdapter(float.class, decimals)
                .registerTypeAdapterFactory(new AsText());
    }

    /** Anything that is not a JSON shape of its own is written as its text. */
    private static final class AsText implements TypeAdapterFactory {
        @Override
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Class<?> raw = type.getRawType();
            if (raw.isPrimitive()
                    || raw.isArray()
                    || raw == Object.class
                    || Map.class.isAssignableFrom(raw)
                    || Collection.class.isAssignableFrom(raw)
                    || Number.class.isAssignableFrom(raw)
                    || raw == Boolean.class
                    || raw == String.class
                    || raw == Character.class
                    || JsonElement.class.isAssignableFrom(raw)) {
                return null;
            }
            return new TypeAdapter<>() {
                @Override
                public void write(JsonWriter out, T value) throws IOException {
                    if (value == null) {
                        out.nullValue();
                    } else {
                        out.value(value.toString());
                    }
                }

                @Override
                public T read(JsonReader in) {
                    throw new UnsupportedOperationException("report.Json only writes");
                }
            };
        }
    }
}
