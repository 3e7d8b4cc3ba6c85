/**
 * Online controlled experiments: the sample size a test needs before it starts ({@link
 * org.mlcycle.toolkit.experiment.Experiments#sampleSize}), a randomized A/B test of two serving
 * policies on the ad world's fresh traffic ({@link org.mlcycle.toolkit.experiment.Experiments#run}),
 * what checking the p-value every day does to the false-positive rate ({@link
 * org.mlcycle.toolkit.experiment.Experiments#peeking}), and the variance of a ratio metric such as
 * CTR per request by the delta method ({@link org.mlcycle.toolkit.experiment.RatioMetric}), whose
 * design effect grows the sample size.
 */
package org.mlcycle.toolkit.experiment;
