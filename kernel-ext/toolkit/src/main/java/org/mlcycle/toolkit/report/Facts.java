package org.mlcycle.toolkit.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.mlcycle.toolkit.support.Require;

/**
 * What a notebook measured, as named values for the course's own tests: {@code Facts.record("kappa",
 * 0.52)}. In the mlcycle kernel each record becomes a display with the course's own MIME type
 * {@value #MIME_TYPE} and nothing else, which Jupyter front ends and nbconvert's HTML do not draw,
 * so the reader never sees it while a test reads it from the executed notebook's outputs. Outside
 * that kernel (a plain JVM, a stock JJava kernel) a record goes nowhere.
 */
public final class Facts {
    /** The MIME type of a record: a JSON object of one key and its value. */
    public static final String MIME_TYPE = "application/vnd.mlcycle.facts+json";

    private static volatile Consumer<Map<String, Object>> standard;

    private Facts() {}

    /**
     * Sends {@code key = value} to where records go. Numbers keep full precision (a non-finite
     * double is sent as its name), booleans and strings stay as they are, anything else is sent as
     * its {@code toString()}.
     */
    public static void record(String key, Object value) {
        Require.that(
                key != null && key.matches("[A-Za-z0-9_]+"),
                "fact",
                "the key must be letters, digits and '_', got %s",
                key == null ? "null" : "'" + key + "'");
        Object v;
        if (value instanceof Double d && !Double.isFinite(d)) {
            v = d.toString();
        } else if (value instanceof Float f && !Float.isFinite(f)) {
            v = f.toString();
        } else if (value instanceof Number || value instanceof Boolean || value instanceof String) {
            v = value;
        } else {
            v = String.valueOf(value);
        }
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(key, v);
        Consumer<Map<String, Object>> sink = standard;
        if (sink != null) {
            sink.accept(one);
        }
    }

    /** Where records go from now on ({@code null}: nowhere); the magics module installs the notebook's. */
    public static void useAsStandard(Consumer<Map<String, Object>> sink) {
        standard = sink;
    }
}
