package org.mlcycle.magics;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.mlcycle.hooks.HookRegistry;

/**
 * What a magic needs from the notebook it runs in: read a variable, define one, show a result.
 * {@link #of(BaseKernel)} is the real thing for any jjava-jupyter kernel that evaluates in process
 * (JJava, mlcycle's own kernel).
 */
public interface Notebook {

    /** The live value of the notebook variable {@code name}. */
    Object variable(String name);

    /** Runs {@code code} as a cell would (magics included) and returns its last value, or null. */
    Object run(String code);

    /** Defines (or redefines) the notebook variable {@code name} of type {@code type} as {@code value}. */
    void define(String name, Class<?> type, Object value);

    /** Shows {@code value} in the cell's output now, rendered by the kernel's renderers. */
    void show(Object value);

    /**
     * Shows {@code value} as {@link #show(Object)} does, with {@code metadata} kept on the output
     * (under the key {@code mlcycle}) for tools that read the saved notebook, such as a grader.
     */
    default void show(Object value, Map<String, Object> metadata) {
        show(value);
    }

    /**
     * Marks the running cell as failed for graders without raising an error: {@code line} goes to
     * the cell's stderr, which nbgrader scores 0, and the cell's other output stays as it is.
     */
    default void markFailed(String line) {
        System.err.println(line);
        System.err.flush();
    }

    /**
     * A magic's final output: returned as the magic's value where the kernel shows magic values
     * (mlcycle's kernel), shown with {@link #show} where it drops them (stock JJava 1.0-a6, whose
     * magic values never reach the cell); the magic returns what this returns.
     */
    Object result(Object value);

    /**
     * The notebook behind {@code kernel}. mlcycle's kernel, recognised by its per-cell hooks, shows
     * a magic's value; any other kernel gets the value displayed.
     */
    static Notebook of(BaseKernel kernel) {
        Objects.requireNonNull(kernel, "notebook: kernel is null");
        boolean showsMagicValues = HookRegistry.of(kernel).isPresent();
        return new Notebook() {
            @Override
            public Object variable(String name) {
                if (!name.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*")) {
                    throw new IllegalArgumentException("'" + name + "' is not a variable name");
                }
                return kernel.evalRaw(name);
            }

            @Override
            public Object run(String code) {
                return kernel.evalRaw(code);
            }

            @Override
            public void define(String name, Class<?> type, Object value) {
                String key = Handoff.put(value);
                String typeName = type.getCanonicalName();
                kernel.evalRaw(typeName + " " + name + " = (" + typeName + ") " + Handoff.class.getCanonicalName()
                        + ".take(\"" + key + "\");");
            }

            @Override
            public void show(Object value) {
                kernel.display(kernel.getRenderer().render(value));
            }

            @Override
            public void show(Object value, Map<String, Object> metadata) {
                DisplayData data = kernel.getRenderer().render(value);
                data.putMetaData("mlcycle", metadata);
                kernel.display(data);
            }

            @Override
            public Object result(Object value) {
                if (showsMagicValues) {
                    return value;
                }
                show(value);
                return null;
            }
        };
    }

    /** Passes a live object from a magic into notebook code: one put, one take. */
    final class Handoff {
        private static final Map<String, Object> WAITING = new ConcurrentHashMap<>();

        private Handoff() {}

        static String put(Object value) {
            String key = UUID.randomUUID().toString();
            WAITING.put(key, value);
            return key;
        }

        /** Called by the generated notebook code; public for that reason only. */
        public static Object take(String key) {
            return WAITING.remove(key);
        }
    }
}
