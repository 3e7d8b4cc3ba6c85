/**
 * Feedback loops and counterfactual evaluation on the ad world: a one-slot serving loop whose
 * model learns only from the ads it showed ({@link org.mlcycle.toolkit.counterfactual.FeedbackLoop}),
 * an epsilon-greedy policy that logs the propensity of every choice ({@link
 * org.mlcycle.toolkit.counterfactual.EpsilonGreedy}, {@link org.mlcycle.toolkit.counterfactual.BanditLog}),
 * and estimates of a new policy's click rate from such a log: the naive replay, inverse-propensity
 * weighting and its self-normalized form, each with a bootstrap interval ({@link
 * org.mlcycle.toolkit.counterfactual.OffPolicy}).
 */
package org.mlcycle.toolkit.counterfactual;
