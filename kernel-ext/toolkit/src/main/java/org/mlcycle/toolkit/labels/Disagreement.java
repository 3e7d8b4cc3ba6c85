package org.mlcycle.toolkit.labels;

/** A row two labelers labelled differently, with both labels. */
public record Disagreement(int row, String first, String second) {}
