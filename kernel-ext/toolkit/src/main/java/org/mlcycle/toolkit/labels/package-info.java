/**
 * Label quality: agreement between two labelers (confusion, Cohen's kappa, the rows they disagree
 * on), label-issue detection by confident learning on out-of-fold probabilities, and a relabel queue
 * that turns accepted corrections into a new table version. Label issues are looked for in training
 * data only: a test split handed out by {@link org.mlcycle.toolkit.split.Split} is refused.
 */
package org.mlcycle.toolkit.labels;
