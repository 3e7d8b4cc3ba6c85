/**
 * The data of the interview walkthrough (lessons/14): a candidate's brief, made from the variant
 * seed, and the candidate's sample of the ad world's click log. The checks call the same methods
 * with the same seed, so the expected values are made again, never stored.
 */
package org.mlcycle.course.interview;
