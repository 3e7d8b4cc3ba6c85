package org.mlcycle.hooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of every magic a kernel offers, kernel's own and extensions', with their usage:
 * {@code %help}, {@code %name?} and {@code %lsmagic} read it. mlcycle's kernel is one; an
 * extension asks {@link #of(Object)} for it and describes each magic it registers. A stock JJava
 * kernel has none: the extension's magics still work there, the usage just is not shared.
 */
public interface MagicTable {

    /** Adds a magic (replacing one of the same name and kind). */
    void describe(MagicSpec spec);

    /** Every magic described, in the order described. */
    Collection<MagicSpec> specs();

    /** The specs (line, cell or both) that {@code name} (with or without {@code %}, an alias too) names. */
    default List<MagicSpec> lookup(String name) {
        String bare = name.replaceFirst("^%+", "");
        List<MagicSpec> exact = new ArrayList<>();
        List<MagicSpec> ignoringCase = new ArrayList<>();
        for (MagicSpec s : specs()) {
            for (String n : s.names()) {
                if (n.equals(bare)) {
                    exact.add(s);
                    break;
                }
                if (n.toLowerCase(Locale.ROOT).equals(bare.toLowerCase(Locale.ROOT))) {
                    ignoringCase.add(s);
                    break;
                }
            }
        }
        return exact.isEmpty() ? ignoringCase : exact;
    }

    /** The kernel's table, or empty when the kernel (e.g. stock JJava) keeps none. */
    static Optional<MagicTable> of(Object kernel) {
        return kernel instanceof MagicTable ? Optional.of((MagicTable) kernel) : Optional.empty();
    }

    /** A plain table, for a kernel to hold. */
    static MagicTable create() {
        return new MagicTable() {
            private final Map<String, MagicSpec> specs = new LinkedHashMap<>();

            @Override
            public synchronized void describe(MagicSpec spec) {
                specs.put(spec.kind() + " " + spec.name(), spec);
            }

            @Override
            public synchronized Collection<MagicSpec> specs() {
                return List.copyOf(specs.values());
            }
        };
    }
}
