package org.mlcycle.toolkit.exercises;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every exercise the classpath knows, by id: the {@link ExerciseSet} services of the toolkit's own
 * class loader and of the calling thread's (where a jar added to a running notebook lands).
 */
public final class Exercises {
    private final Map<String, Exercise> byId;

    private Exercises(Map<String, Exercise> byId) {
        this.byId = byId;
    }

    /** The exercises in {@code exercises}; two with one id are an error naming it. */
    public static Exercises of(List<Exercise> exercises) {
        Map<String, Exercise> byId = new LinkedHashMap<>();
        for (Exercise e : exercises) {
            Exercise before = byId.putIfAbsent(e.id(), e);
            if (before != null && before != e) {
                throw new IllegalStateException("exercises: two exercises have the id '" + e.id() + "' (lessons "
                        + before.lesson() + " and " + e.lesson() + ")");
            }
        }
        return new Exercises(byId);
    }

    /** The exercises of every {@link ExerciseSet} on the classpath. */
    public static Exercises loaded() {
        List<Exercise> all = new ArrayList<>();
        List<Class<?>> seen = new ArrayList<>();
        ClassLoader own = Exercises.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : context == null || context == own ? List.of(own) : List.of(own, context)) {
            for (ExerciseSet set : ServiceLoader.load(ExerciseSet.class, loader)) {
                if (!seen.contains(set.getClass())) { // the context loader usually sees the toolkit's sets too
                    seen.add(set.getClass());
                    all.addAll(set.exercises());
                }
            }
        }
        return of(all);
    }

    public Optional<Exercise> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The exercise {@code id}; unknown ids fail with the ids of the same prefix ("lesson05-..."). */
    public Exercise get(String id) {
        Exercise found = byId.get(id);
        if (found != null) {
            return found;
        }
        String prefix = id.contains("-") ? id.substring(0, id.indexOf('-') + 1) : id;
        List<String> near =
                byId.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        throw new IllegalArgumentException("no exercise '" + id + "'"
                + (near.isEmpty()
                        ? " (" + byId.size() + " known; %progress lists the ones you tried)"
                        : " (did you mean " + String.join(", ", near) + "?)"));
    }

    public List<Exercise> all() {
        return List.copyOf(byId.values());
    }

    /** The exercises of {@code lesson}, in the order their sets list them. */
    public List<Exercise> ofLesson(String lesson) {
        return byId.values().stream().filter(e -> e.lesson().equals(lesson)).toList();
    }
}
