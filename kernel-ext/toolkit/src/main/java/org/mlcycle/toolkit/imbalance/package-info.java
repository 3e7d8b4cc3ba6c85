/**
 * Class imbalance: a report that puts the accuracy of "always the majority class" next to the class
 * shares (the step-7 trap), seeded random over- and under-sampling for training data only, and
 * inverse-frequency class weights set on Tribuo examples.
 */
package org.mlcycle.toolkit.imbalance;
