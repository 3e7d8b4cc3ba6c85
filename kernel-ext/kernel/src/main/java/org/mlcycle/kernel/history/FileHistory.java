package org.mlcycle.kernel.history;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.RandomAccessFile;
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
    /** How much of the file's end is read at start to find the last session. */
    private static final int TAIL_BYTES = 64 * 1024;
    /** A cell's output is kept up to this length: history is for finding cells again, not an archive. */
    static final int MAX_OUTPUT_CHARS = 2_000;

    private List<Entry> entries; // null until history is first asked for

    private FileHistory(Path file) {
        this.file = file;
        // Only the file's end is read at start (the last session number): a kernel's start must
        // not grow with its history. The entries are read when history is first asked for.
        this.session = lastSession(file) + 1;
    }

    /** The largest session number in the last complete lines of the file (0 if none). */
    private static int lastSession(Path file) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            int tail = (int) Math.min(size, TAIL_BYTES);
            byte[] bytes = new byte[tail];
            raf.seek(size - tail);
            raf.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            int last = 0;
            for (int k = tail < size ? 1 : 0; k < lines.length; k++) { // the first line may be cut
                Entry e = parse(lines[k]);
                last = e == null ? last : Math.max(last, e.session());
            }
            if (last == 0 && tail < size) {
                return load(file).stream().mapToInt(Entry::session).max().orElse(0);
            }
            return last;
        } catch (IOException e) {
            LOG.warn("could not read history {}: {}", file, e.toString());
            return 0;
        }
    }

    /** One line of the file, or null for a blank or damaged one. */
    private static Entry parse(String json) {
        if (json.isBlank()) {
            return null;
        }
        try {
            JsonObject o = GSON.fromJson(json, JsonObject.class);
            if (o == null) {
                return null;
            }
            return new Entry(
                    o.get("session").getAsInt(),
                    o.get("line").getAsInt(),
                    o.get("input").getAsString(),
                    o.has("output") ? o.get("output").getAsString() : null);
        } catch (JsonParseException | NullPointerException | IllegalStateException | UnsupportedOperationException bad) {
            return null;
        }
    }

    private static List<Entry> load(Path file) {
        List<Entry> read = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return read;
        }
        int damaged = 0;
        try {
            for (String json : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Entry e = parse(json);
                if (e != null) {
                    read.add(e);
                } else if (!json.isBlank()) {
                    damaged++;
                }
            }
        } catch (IOException e) {
            LOG.warn("could not read history {}: {}", file, e.toString());
        }
        if (damaged > 0) {
            LOG.warn("skipped {} damaged line(s) in {}", damaged, file);
        }
        return read;
    }

    /** Every entry, read from the file the first time history is asked for. */
    private List<Entry> entries() {
        if (entries == null) {
            entries = load(file);
        }
        return entries;
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
        String kept = output != null && output.length() > MAX_OUTPUT_CHARS
                ? output.substring(0, MAX_OUTPUT_CHARS) + "…"
                : output;
        Entry e = new Entry(session, line, input, kept);
        if (entries != null) {
            entries.add(e); // otherwise it is read with the rest of the file
        }
        JsonObject o = new JsonObject();
        o.addProperty("session", e.session());
        o.addProperty("line", e.line());
        o.addProperty("input", e.input());
        if (kept != null) {
            o.addProperty("output", kept);
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
        List<Entry> all = entries();
        int from = Math.max(0, all.size() - Math.max(0, length));
        return all.subList(from, all.size()).stream().map(FileHistory::toEntry).toList();
    }

    /**
     * Cells {@code [start, stop)} of a session: 0 or less counts back from the current session
     * (0 = this one), a positive number is an absolute session.
     */
    @Override
    public synchronized List<HistoryEntry> lookupRange(int sessionOffset, int start, int stop, Set<ResultFlag> flags) {
        int wanted = sessionOffset > 0 ? sessionOffset : session + sessionOffset;
        return entries().stream()
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
        for (Entry e : entries()) {
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
