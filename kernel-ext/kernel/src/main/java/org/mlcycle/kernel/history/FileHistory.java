package org.mlcycle.kernel.history;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cell history kept in a file of JSON lines, one per executed cell, so it survives restarts (the
 * front end's up-arrow and {@code %history}-style tools read it through history_request). Each
 * kernel start is a new session: under a lock on the file, the kernel reads the last session number
 * and appends a line that claims the next one, so kernels started at the same moment never share a
 * number. Cells are appended under the same lock, one line each. A kernel's history tail is what
 * the file held when it started plus its own cells: cells of kernels running beside it are not
 * mixed in (the next kernel started sees them all).
 */
public final class FileHistory implements HistoryManager {
    private static final Logger LOG = LoggerFactory.getLogger(FileHistory.class);
    private static final Gson GSON = new Gson();

    private record Entry(int session, int line, String input, String output) {}

    private final Path file;
    /** This kernel's session number, claimed off the start's path (see the constructor). */
    private final CompletableFuture<Integer> session;
    /** How much of the file's end is read at start to find the last session. */
    private static final int TAIL_BYTES = 64 * 1024;
    /** A cell's output is kept up to this length: history is for finding cells again, not an archive. */
    static final int MAX_OUTPUT_CHARS = 2_000;

    private List<Entry> entries; // null until history is first asked for
    /** The file's size once this kernel's session was claimed: later lines are its own or others'. */
    private volatile long startSize;
    /** One lock per JVM for each file: FileChannel.lock is per process, not per thread. */
    private static final Object IN_PROCESS = new Object();

    private FileHistory(Path file) {
        this.file = file;
        // Only the file's end is read at start (the last session number): a kernel's start must
        // not grow with its history. The entries are read when history is first asked for. The
        // claim (file lock, read, append: tens of ms) runs beside the rest of the start; the first
        // use of the session number waits for it.
        this.session = new CompletableFuture<>();
        Thread claimer = new Thread(
                () -> {
                    try {
                        session.complete(claimSession());
                    } catch (RuntimeException | Error e) {
                        session.completeExceptionally(e);
                    }
                },
                "mlcycle-history");
        claimer.setDaemon(true);
        claimer.start();
    }

    /**
     * Reads the last session number and appends the claim of the next, under the file's lock.
     * Everything is read and written through the one channel that holds the lock: POSIX record
     * locks belong to the process and the file, and closing any other descriptor of the file (a
     * second reader opened to find the last session) releases them, which let a kernel started at
     * the same moment read the same last number and claim the same session.
     */
    private int claimSession() {
        synchronized (IN_PROCESS) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (FileChannel ch = FileChannel.open(
                                file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                        FileLock lock = ch.lock()) {
                    int next = lastSession(ch) + 1;
                    JsonObject claim = new JsonObject();
                    claim.addProperty("session", next);
                    claim.addProperty("started", java.time.Instant.now().toString());
                    ByteBuffer bytes = ByteBuffer.wrap((GSON.toJson(claim) + "\n").getBytes(StandardCharsets.UTF_8));
                    long at = ch.size(); // every writer appends under this lock: the end stays the end
                    while (bytes.hasRemaining()) {
                        at += ch.write(bytes, at);
                    }
                    startSize = ch.size();
                    return next;
                }
            } catch (IOException | UncheckedIOException | java.nio.channels.OverlappingFileLockException e) {
                LOG.warn("could not claim a session in history {}: {}", file, e.toString());
                startSize = Long.MAX_VALUE;
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    return lastSession(ch) + 1;
                } catch (IOException unreadable) {
                    return 1;
                }
            }
        }
    }

    /** The largest session number in the last complete lines of the file (0 if none). */
    private static int lastSession(FileChannel ch) throws IOException {
        long size = ch.size();
        int tail = (int) Math.min(size, TAIL_BYTES);
        String[] lines = new String(read(ch, size - tail, tail), StandardCharsets.UTF_8).split("\n");
        int last = 0;
        for (int k = tail < size ? 1 : 0; k < lines.length; k++) { // the first line may be cut
            last = Math.max(last, sessionOf(lines[k]));
        }
        if (last == 0 && tail < size) {
            for (String line : new String(read(ch, 0, size), StandardCharsets.UTF_8).split("\n")) {
                last = Math.max(last, sessionOf(line));
            }
        }
        return last;
    }

    /** {@code length} bytes of the channel from {@code position}. */
    private static byte[] read(FileChannel ch, long position, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("history file too large to read: " + length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        while (buffer.hasRemaining()) {
            int n = ch.read(buffer, position + buffer.position());
            if (n < 0) {
                break;
            }
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** The session a line names (a cell or a session's claim), or 0. */
    private static int sessionOf(String json) {
        if (json.isBlank()) {
            return 0;
        }
        try {
            JsonObject o = GSON.fromJson(json, JsonObject.class);
            return o != null && o.has("session") ? o.get("session").getAsInt() : 0;
        } catch (RuntimeException bad) {
            return 0;
        }
    }

    /** A session's claim: no cell, just the number taken. */
    private static boolean isClaim(String json) {
        return json.contains("\"started\"") && !json.contains("\"input\"");
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
        } catch (JsonParseException
                | NullPointerException
                | IllegalStateException
                | UnsupportedOperationException bad) {
            return null;
        }
    }

    /**
     * The cells in the file; those past {@code before} bytes are kept only if {@code own}. Read
     * under a shared lock through one channel, so no line is half written and no other descriptor
     * of the file is closed while this process holds its lock.
     */
    private static List<Entry> load(Path file, long before, int own) {
        List<Entry> read = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return read;
        }
        byte[] bytes;
        synchronized (IN_PROCESS) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                    FileLock lock = ch.lock(0, Long.MAX_VALUE, true)) {
                bytes = read(ch, 0, ch.size());
            } catch (IOException | UncheckedIOException | java.nio.channels.OverlappingFileLockException e) {
                LOG.warn("could not read history {}: {}", file, e.toString());
                return read;
            }
        }
        int damaged = 0;
        int start = 0;
        for (int end = 0; end <= bytes.length; end++) {
            if (end < bytes.length && bytes[end] != '\n') {
                continue; // a line ends at a newline or at the end of the file
            }
            long lineStart = start;
            String json = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            start = end + 1;
            if (isClaim(json)) {
                continue;
            }
            Entry e = parse(json);
            if (e == null) {
                damaged += json.isBlank() ? 0 : 1;
            } else if (lineStart < before || e.session() == own) {
                read.add(e);
            }
        }
        if (damaged > 0) {
            LOG.warn("skipped {} damaged line(s) in {}", damaged, file);
        }
        return read;
    }

    /** Every entry, read from the file the first time history is asked for. */
    private List<Entry> entries() {
        if (entries == null) {
            int own = session();
            entries = load(file, startSize, own);
        }
        return entries;
    }

    /** Opens (or starts) the history file; its folder is created when the first cell is stored. */
    public static FileHistory open(Path file) {
        return new FileHistory(file);
    }

    public int session() {
        return session.join();
    }

    /** Records one executed cell of this session; {@code output} is its result as text, or null. */
    public synchronized void store(int line, String input, String output) {
        String kept = output != null && output.length() > MAX_OUTPUT_CHARS
                ? output.substring(0, MAX_OUTPUT_CHARS) + "…"
                : output;
        Entry e = new Entry(session(), line, input, kept);
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
        byte[] bytes = (GSON.toJson(o) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (IN_PROCESS) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (FileChannel ch = FileChannel.open(
                                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                        FileLock lock = ch.lock()) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        ch.write(buffer);
                    }
                }
            } catch (IOException | UncheckedIOException | java.nio.channels.OverlappingFileLockException ex) {
                LOG.warn("could not append to history {}: {}", file, ex.toString());
            }
        }
    }

    private static HistoryEntry toEntry(Entry e) {
        return new HistoryEntry(e.session(), e.line(), e.input(), e.output());
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        // entries(): what the file held at this kernel's start, and this kernel's own cells
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
        int wanted = sessionOffset > 0 ? sessionOffset : session() + sessionOffset;
        return entries().stream()
                .filter(e -> e.session() == wanted && e.line() >= start && (stop <= 0 || e.line() < stop))
                .map(FileHistory::toEntry)
                .toList();
    }

    /** The last {@code length} cells whose input matches a glob ({@code *} and {@code ?}). */
    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern glob =
                Pattern.compile(globToRegex(pattern == null || pattern.isEmpty() ? "*" : pattern), Pattern.DOTALL);
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
        return hits.subList(hits.size() - n, hits.size()).stream()
                .map(FileHistory::toEntry)
                .toList();
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
