package org.mlcycle.toolkit.exercises;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A learner's variant of the seeded exercises: the student id becomes a seed, the seed makes the
 * learner's data, and the checks make the expected values again from the same seed. Nothing is
 * stored, so nothing can be read off a file, and two students' numbers differ.
 */
public final class Variant {
    /** The id used when the notebook names no student. */
    public static final String DEFAULT_ID = "default";
    /** The seed of {@link #DEFAULT_ID}. */
    public static final long DEFAULT = seed(DEFAULT_ID);

    private Variant() {}

    /**
     * The seed of {@code studentId}: the first 8 bytes of SHA-256 over the id, so neighbouring ids
     * ("s001", "s002") give unrelated seeds and a seed does not reveal the id.
     */
    public static long seed(String studentId) {
        if (studentId == null || studentId.isBlank()) {
            throw new IllegalArgumentException("variant: the student id is empty");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("mlcycle variant\0" + studentId.strip()).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("variant: this JVM has no SHA-256", e); // every JDK ships it
        }
    }
}
