package org.mlcycle.toolkit.labels;

/**
 * One row whose given label looks wrong: its row index in the table the search ran on, the given
 * label, the class the out-of-fold model finds most probable, and the self-confidence (the
 * probability the model gives the given label; lower is more suspicious).
 */
public record LabelIssue(int row, String given, String suggested, double selfConfidence) {}
