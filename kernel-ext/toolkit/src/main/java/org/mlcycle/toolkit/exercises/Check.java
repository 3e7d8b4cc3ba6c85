package org.mlcycle.toolkit.exercises;

/**
 * The check of one exercise: reads the learner's answers and says pass or a hint. It may be
 * tolerant (a range, "finds at least 80% of the flipped labels") where many answers are right, and
 * should name the likely mistake when it recognises one.
 */
@FunctionalInterface
public interface Check {
    Verdict run(Answers answers);
}
