package org.mlcycle.toolkit.io.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;

/** What every part of one file shares: names, types, options. */
final class CsvLayout {
    final String name;
    final List<String> header;
    final CsvOptions options;
    final Map<String, ColumnType> types;
    final String[] tokens;
    final byte[][] tokenBytes;
    final int emptyToken;
    final boolean[] text;

    CsvLayout(String name, List<String> header, CsvOptions options, Map<String, ColumnType> types) {
        this.name = name;
        this.header = header;
        this.options = options;
        this.types = types;
        this.tokens = options.missingTokens().toArray(new String[0]);
        this.tokenBytes = new byte[tokens.length][];
        for (int t = 0; t < tokens.length; t++) {
            tokenBytes[t] = tokens[t].getBytes(StandardCharsets.UTF_8);
        }
        this.emptyToken = Arrays.asList(tokens).indexOf("");
        this.text = new boolean[header.size()];
        for (int c = 0; c < text.length; c++) {
            ColumnType type = types.get(header.get(c));
            text[c] = type != null && type.name().equals(ColumnType.STRING.name()); // by name: see CsvColumn.of
        }
    }
}
