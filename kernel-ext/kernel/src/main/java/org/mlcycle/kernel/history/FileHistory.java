package org.mlcycle.kernel.history;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cell history kept in a file of JSON lines, one per executed cell, so it survives restarts (the
 * front end's up-arrow and {@code %history}-style tools read it through history_request). Each
 * kernel start is a new session numbered after the last one in the file. Lines are appended with
 * one write each, so two kernels sharing the file do not interleave within a line.
 */
public final class FileHistory implements HistoryManager {
    private static final Logger LOG = LoggerFactory.getLogger(FileHistory.class);
    private static final Gson GSON = new Gson();

    private record Entry(int session, int line, String input, String output) {}

    private final Path file;
    private final int session;
    private final List<Entry> entries = new ArrayList<>();

    private FileHistory(Path file) {
        this.file = file;
        int last = 0;
        if (Files.isRegularFile(file)) {
            try {
                for (String json : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    try {
                        JsonObject o = GSON.fromJson(json, JsonObject.class);
                        if (o == null) {
                            continue;
                        }
                        Entry e = new Entry(
                                o.get("session").getAsInt(),
                                o.get("line").getAsInt(),
                                o.get("input").getAsString(),
                                o.has("output") ? o.get("output").getAsString() : null);
                        entries.add(e);
                        last = Math.max(last, e.session());
                    } catch (JsonParseException | NullPointerException | IllegalStateException | UnsupportedOperationException bad) {
                        LOG.warn("skipping a damaged line in {}", file);
                    }
                }
            } catch (IOException e) {
                LOG.warn("could not read history {}: {}", file, e.toString());
            }
        }
        this.session = last + 1;
    }

    /** Opens (or starts) the history file; its folder is created when the first cell is stored. */
    public static FileHistory open(Path file) {
        return new FileHistory(file);
    }

    public int session() {
        return session;
    }

    /** Records one executed cell of this session; {@code output} is its result as text, or null. */
    public synchronized void store(int line, String input, String output) {
        Entry e = new Entry(session, line, input, output);
        entries.add(e);
        JsonObject o = new JsonObject();
        o.addProperty("session", e.session());
        o.addProperty("line", e.line());
        o.addProperty("input", e.input());
        if (output != null) {
            o.addProperty("output", output);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, GSON.toJson(o) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException | UncheckedIOException ex) {
            LOG.warn("could not append to history {}: {}", file, ex.toString());
        }
    }

    private static HistoryEntry toEntry(Entry e) {
        return new HistoryEntry(e.session(), e.line(), e.input(), e.output());
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        int from = Math.max(0, entries.size() - Math.max(0, length));
        return entries.subList(from, entries.size()).stream().map(FileHistory::toEntry).toList();
    }

    /**
     * Cells {@code [start, stop)} of a session: 0 or less counts back from the current session
     * (0 = this one), a positive number is an absolute session.
     */
    @Override
    public synchronized List<HistoryEntry> lookupRange(int sessionOffset, int start, int stop, Set<ResultFlag> flags) {
        int wanted = sessionOffset > 0 ? sessionOffset : session + sessionOffset;
        return entries.stream()
                .filter(e -> e.session() == wanted && e.line() >= start && (stop <= 0 || e.line() < stop))
                .map(FileHistory::toEntry)
                .toList();
    }

    /** The last {@code length} cells whose input matches a glob ({@code *} and {@code ?}). */
    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern glob = Pattern.compile(globToRegex(pattern == null || pattern.isEmpty() ? "*" : pattern), Pattern.DOTALL);
        LinkedHashMap<String, Entry> found = new LinkedHashMap<>();
        List<Entry> all = new ArrayList<>();
        for (Entry e : entries) {
            if (glob.matcher(e.input()).matches()) {
                if (flags.contains(ResultFlag.UNIQUE)) {
                    found.remove(e.input());
                    found.put(e.input(), e);
                } else {
                    all.add(e);
                }
            }
        }
        List<Entry> hits = flags.contains(ResultFlag.UNIQUE) ? new ArrayList<>(found.values()) : all;
        int n = length <= 0 ? hits.size() : Math.min(length, hits.size());
        return hits.subList(hits.size() - n, hits.size()).stream().map(FileHistory::toEntry).toList();
    }

    private static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
