package org.mlcycle.kernel.launch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mlcycle.kernel.MlcycleKernel;
import org.mlcycle.kernel.eval.ExitGuard;

/**
 * The opt-in warm spare ({@code install --warm}): one kernel JVM, started and warmed before it is
 * needed, waits on a Unix domain socket. When Jupyter starts a kernel, the process it launches
 * ({@code Main warm CONNECTION_FILE}) hands the connection file to the spare, starts the next spare
 * in the background and stays alive as the kernel's stand-in: Jupyter's kill of it closes the
 * socket, and the spare exits with it. Each spare serves one notebook only (it stops listening
 * before it answers), so two notebooks never share a JVM. A spare is matched by working folder,
 * environment and command line, since a JVM cannot change its folder or environment later; with
 * no matching spare the kernel runs in the launched process as usual.
 */
final class WarmSpare {
    private WarmSpare() {}

    /** Silent cells a spare runs before it waits: its notebook's first cells then run at speed. */
    static final int WARM_CELLS = 40;

    /** How long after a launch the next spare starts. */
    private static final long SPARE_DELAY_MILLIS = 3_000;

    /** Where this command line's spare listens and keeps its lock and log. */
    private record Place(Path socket, Path lock, Path log, List<String> command) {}

    static void claimOrRun(Path connectionFile) throws Exception {
        long t0 = System.nanoTime();
        Place place;
        try {
            place = place();
        } catch (IOException unsafe) {
            System.err.println("mlcycle kernel: no warm spare: " + unsafe.getMessage());
            Main.run(connectionFile, Main.startKernel());
            return;
        }
        long t1 = System.nanoTime();
        SocketChannel claimed = claim(place, connectionFile);
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.mlcycle.kernel");
        if (log.isLoggable(java.util.logging.Level.INFO)) {
            log.info(String.format(
                    "stand-in: JVM up %d ms before, spare's place %d ms, hand-off %d ms (%s)",
                    ManagementFactory.getRuntimeMXBean().getUptime() - (System.nanoTime() - t0) / 1_000_000,
                    (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000,
                    claimed == null ? "no spare" : "claimed"));
        }
        // The next spare starts a little later: started now, its warm-up would take the CPU this
        // notebook's first cells need.
        // A kernel that ends sooner starts it as it exits, so the next launch still finds one.
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable startOnce = () -> {
            if (started.compareAndSet(false, true)) {
                startNextSpare(place);
            }
        };
        Thread next = new Thread(
                () -> {
                    try {
                        Thread.sleep(SPARE_DELAY_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    startOnce.run();
                },
                "mlcycle-next-spare");
        next.setDaemon(true);
        next.start();
        Runtime.getRuntime().addShutdownHook(new Thread(startOnce, "mlcycle-next-spare-at-exit"));
        if (claimed == null) {
            Main.run(connectionFile, Main.startKernel());
            return;
        }
        // The stand-in: alive until the spare (now the kernel) closes its end, then gone too.
        ByteBuffer buffer = ByteBuffer.allocate(64);
        try {
            while (claimed.read(buffer.clear()) >= 0) {
                // nothing is sent after the hand-off
            }
        } catch (IOException ignored) {
            // the kernel is gone
        }
        System.exit(0);
    }

    /** The spare's answered connection, or null when none is waiting (or another took it). */
    private static SocketChannel claim(Place place, Path connectionFile) {
        if (!Files.exists(place.socket()) || !ownSocket(place.socket())) {
            return null;
        }
        try {
            SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(place.socket()));
            ch.write(ByteBuffer.wrap((connectionFile.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteBuffer answer = ByteBuffer.allocate(64);
            while (answer.position() == 0 || answer.get(answer.position() - 1) != '\n') {
                if (ch.read(answer) < 0) {
                    ch.close();
                    return null; // another launch took this spare first
                }
            }
            return ch;
        } catch (IOException e) {
            return null;
        }
    }

    /** Starts a spare in the background unless one is already starting or waiting. */
    private static void startNextSpare(Place place) {
        try (FileChannel ch = FileChannel.open(place.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock free = ch.tryLock();
            if (free == null) {
                return; // a spare holds the lock: it is warming up or waiting
            }
            free.release();
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return;
        }
        List<String> command = new ArrayList<>(place.command());
        command.add("spare");
        command.add(place.socket().toString());
        try {
            if (System.getProperty("os.name", "").startsWith("Windows")) {
                new ProcessBuilder(command)
                        .redirectInput(
                                ProcessBuilder.Redirect.from(Path.of("NUL").toFile()))
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(place.log().toFile()))
                        .redirectErrorStream(true)
                        .start();
                return;
            }
            // Through a shell that puts the spare in the background and ends at once: a JVM
            // waiting on a child of its own (Java's reaper thread sits in native code) takes
            // 300 ms longer to exit, which the stand-in's exit, and so Jupyter's shutdown, would pay.
            List<String> detached = new ArrayList<>(List.of(
                    "/bin/sh",
                    "-c",
                    "log=$1; shift; \"$@\" </dev/null >>\"$log\" 2>&1 &",
                    "sh",
                    place.log().toString()));
            detached.addAll(command);
            new ProcessBuilder(detached).start().waitFor();
        } catch (IOException e) {
            System.err.println("mlcycle kernel: could not start a warm spare: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The spare: warms a kernel, waits for one launch to claim it, then serves that notebook. */
    static void serveAsSpare(Path socket) throws Exception {
        Place place;
        try {
            place = place();
        } catch (IOException unsafe) {
            System.err.println("mlcycle kernel: no warm spare: " + unsafe.getMessage());
            System.exit(0);
            return;
        }
        FileChannel lockFile = FileChannel.open(place.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock();
        if (lock == null) {
            System.exit(0); // another spare for this command line exists
        }
        Main.watchParent(); // the spare of a Jupyter that has gone ends with it
        MlcycleKernel kernel = Main.startKernel();
        kernel.awaitStartup();
        try {
            // the first requests, paid now: binding, signing, parsing, and the cells' compile path
            // (the JIT compiles javac's hot code over the first few dozen cells)
            if (!Rehearsal.run(kernel, WARM_CELLS)) {
                System.err.println("mlcycle kernel: the spare's rehearsal got no reply; serving without it");
            }
        } catch (Exception e) {
            System.err.println("mlcycle kernel: the spare's rehearsal failed (" + e + "); serving without it");
        }
        Files.deleteIfExists(socket);
        Path connectionFile;
        SocketChannel client;
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket), 1);
            client = server.accept();
            Files.deleteIfExists(socket); // one notebook per spare: nobody else can reach it now
        }
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (buffer.position() == 0 || buffer.get(buffer.position() - 1) != '\n') {
            if (client.read(buffer) < 0) {
                System.exit(0);
            }
        }
        connectionFile = Path.of(new String(buffer.array(), 0, buffer.position() - 1, StandardCharsets.UTF_8));
        client.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
        lock.release();
        lockFile.close();
        Thread standIn = new Thread(
                () -> {
                    ByteBuffer b = ByteBuffer.allocate(64);
                    try {
                        while (client.read(b.clear()) >= 0) {
                            // the stand-in sends nothing
                        }
                    } catch (IOException ignored) {
                        // closed
                    }
                    ExitGuard.kernelExit(0); // Jupyter stopped (or killed) the process it launched
                },
                "mlcycle-stand-in");
        standIn.setDaemon(true);
        standIn.start();
        // Closed before the exit: the stand-in then exits at once, and no thread of this JVM
        // still waits in a native read (the JVM would wait 300 ms for it to leave native code).
        Main.run(connectionFile, kernel, () -> {
            try {
                client.close();
            } catch (IOException ignored) {
                // the stand-in is gone already
            }
        });
    }

    /**
     * A spare fits a launch with the same folder, environment (Jupyter's per-launch JPY_ variables
     * aside) and Java command line: the key of its socket.
     */
    /**
     * The JVM options and class path this process was started with, through the main class: read
     * from the process's own command line (cheap), or from the runtime's management bean (tens of
     * milliseconds of class loading, which a stand-in pays before its notebook gets anything).
     */
    private static List<String> javaArguments() {
        String[] args = ProcessHandle.current().info().arguments().orElse(new String[0]);
        int main = List.of(args).indexOf(Main.class.getName());
        if (main >= 0) {
            return List.of(args).subList(0, main + 1);
        }
        List<String> out = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        out.add("-cp");
        out.add(System.getProperty("java.class.path"));
        out.add(Main.class.getName());
        return out;
    }

    private static Place place() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(javaArguments());
        Map<String, String> env = new TreeMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("JPY_"));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((Path.of("").toAbsolutePath() + "\0" + env + "\0" + command).getBytes(StandardCharsets.UTF_8));
        String key = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        Path dir = privateFolder(
                Path.of(System.getProperty("java.io.tmpdir"), "mlcycle-spares-" + System.getProperty("user.name")));
        return new Place(dir.resolve(key + ".sock"), dir.resolve(key + ".lock"), dir.resolve(key + ".log"), command);
    }

    /**
     * The spares' folder, readable and writable by this user only (one made by an older version is
     * tightened). A folder another user owns is refused: whoever can put a socket there could take
     * the connection files of this user's notebooks, or hand a spare (a JVM running as this user)
     * a connection of their own.
     */
    static Path privateFolder(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir); // Windows: the user's temp folder is already the user's own
            return dir;
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException existing) {
            // checked below, whoever made it
        }
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = me(dir);
        if (!a.isDirectory() || !a.owner().equals(me)) {
            throw new IOException("the warm spares' folder " + dir + " belongs to " + a.owner() + ", not "
                    + me.getName() + " (or is not a folder); remove it, or set java.io.tmpdir elsewhere");
        }
        if (!a.permissions().equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
        return dir;
    }

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rwx------");

    private static UserPrincipal me(Path anywhere) throws IOException {
        return anywhere.getFileSystem()
                .getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }

    /** Whether {@code socket} is this user's: a socket someone else put there is never used. */
    private static boolean ownSocket(Path socket) {
        try {
            return !socket.getFileSystem().supportedFileAttributeViews().contains("posix")
                    || Files.getOwner(socket, LinkOption.NOFOLLOW_LINKS).equals(me(socket));
        } catch (IOException e) {
            return false;
        }
    }
}
