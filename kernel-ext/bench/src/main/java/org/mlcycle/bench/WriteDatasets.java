package org.mlcycle.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.datasets.DatasetFiles;
import org.mlcycle.toolkit.datasets.Manifest;

/**
 * {@code java ... WriteDatasets DIR}: writes the committed files of the default world, and their
 * MANIFEST, into DIR ({@code ./mlcycle datasets-write DIR}). A maintainer's tool, kept out of the
 * library jar with the benchmarks.
 */
public final class WriteDatasets {
    private WriteDatasets() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: WriteDatasets DIR");
            System.exit(2);
        }
        Manifest m = DatasetFiles.write(AdWorld.standard(), Path.of(args[0]));
        List<Manifest.Entry> written =
                m.entries().stream().filter(e -> !e.isGenerated()).toList();
        long total = written.stream().mapToLong(Manifest.Entry::bytes).sum();
        System.out.println(String.format(
                Locale.ROOT,
                "wrote %d files, %,d bytes, and a MANIFEST that also lists %d generated variants, into %s",
                written.size(),
                total,
                m.entries().size() - written.size(),
                args[0]));
    }
}
