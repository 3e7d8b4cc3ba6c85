package org.mlcycle.magics;

import tech.tablesaw.api.Table;

/**
 * Notebook variables fetched by name for a magic, with the one-line error a user can act on when
 * the name is unknown or holds the wrong kind of value:
 * {@code %drift: 'ads2' is String, not a Tablesaw Table}.
 */
final class Variables {
    private Variables() {}

    /** The Tablesaw table held by the notebook variable {@code name}. */
    static Table table(Notebook notebook, String name, String magic) {
        return of(notebook, name, Table.class, "a Tablesaw Table", magic);
    }

    /**
     * The value of the notebook variable {@code name}, which must be a {@code type};
     * {@code described} names that type for the user ("a Tablesaw Table").
     */
    static <T> T of(Notebook notebook, String name, Class<T> type, String described, String magic) {
        Object value = value(notebook, name, magic);
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw notA(name, value, described, magic);
    }

    /** The value of the notebook variable {@code name}, whatever its type; null when it holds null. */
    static Object value(Notebook notebook, String name, String magic) {
        Object value;
        try {
            value = notebook.variable(name);
        } catch (RuntimeException e) {
            // the kernel's message is about the lookup snippet it compiled, not about the user's cell
            throw new IllegalArgumentException(magic + ": no variable '" + name + "' in the notebook");
        }
        return value == null || isNullMarker(value) ? null : value;
    }

    /** {@code %magic: 'name' is Type, not described}. */
    static IllegalArgumentException notA(String name, Object value, String described, String magic) {
        String type = value == null ? "null" : value.getClass().getSimpleName();
        return new IllegalArgumentException(magic + ": '" + name + "' is " + type + ", not " + described);
    }

    /** mlcycle's kernel evaluates a variable holding null to a marker that prints as "null". */
    private static boolean isNullMarker(Object value) {
        return value.getClass().isRecord() && value.getClass().getSimpleName().equals("NullValue");
    }
}
