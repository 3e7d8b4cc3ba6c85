package org.mlcycle.magics;

import tech.tablesaw.api.Table;

/**
 * Notebook variables fetched by name for a magic, with the one-line error a user can act on when
 * the name is unknown or holds the wrong kind of value: {@code 'ads2' is String, not a Tablesaw
 * Table}. The kernel puts the magic's name in front ({@code %drift: ...}), so messages here do not.
 */
final class Variables {
    private Variables() {}

    /** The Tablesaw table held by the notebook variable {@code name}. */
    static Table table(Notebook notebook, String name) {
        return of(notebook, name, Table.class, "a Tablesaw Table");
    }

    /**
     * The value of the notebook variable {@code name}, which must be a {@code type};
     * {@code described} names that type for the user ("a Tablesaw Table").
     */
    static <T> T of(Notebook notebook, String name, Class<T> type, String described) {
        Object value = value(notebook, name);
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw notA(name, value, described);
    }

    /** The value of the notebook variable {@code name}, whatever its type; null when it holds null. */
    static Object value(Notebook notebook, String name) {
        Object value;
        try {
            value = notebook.variable(name);
        } catch (RuntimeException e) {
            // the kernel's message is about the lookup snippet it compiled, not about the user's cell
            throw new IllegalArgumentException("no variable '" + name + "' in the notebook");
        }
        return value == null || isNullMarker(value) ? null : value;
    }

    /** {@code 'name' is Type, not described}. */
    static IllegalArgumentException notA(String name, Object value, String described) {
        String type = value == null ? "null" : value.getClass().getSimpleName();
        return new IllegalArgumentException("'" + name + "' is " + type + ", not " + described);
    }

    /** mlcycle's kernel evaluates a variable holding null to a marker that prints as "null". */
    private static boolean isNullMarker(Object value) {
        return value.getClass().isRecord() && value.getClass().getSimpleName().equals("NullValue");
    }
}
