package org.mlcycle.kernel.magics;

import java.util.AbstractList;
import java.util.List;

/**
 * The paths a magic added to the class path: a {@code List<String>}, as IJava's {@code %jars}
 * returns ({@code List<String> added = %jars lib/*.jar}), that shows as a readable list.
 */
public final class PathList extends AbstractList<String> {
    private final List<String> paths;

    PathList(List<String> paths) {
        this.paths = List.copyOf(paths);
    }

    @Override
    public String get(int index) {
        return paths.get(index);
    }

    @Override
    public int size() {
        return paths.size();
    }

    @Override
    public String toString() {
        return "added to the classpath:\n" + String.join("\n", paths);
    }
}
