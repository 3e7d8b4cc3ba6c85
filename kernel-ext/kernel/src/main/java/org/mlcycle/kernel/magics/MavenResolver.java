package org.mlcycle.kernel.magics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven coordinates with their runtime dependencies (transitively) through Maven's own
 * resolver, using the local repository ({@code ~/.m2/repository}, or {@code -Dmaven.repo.local}),
 * Maven Central and any repository added with {@code %maven_repo}.
 */
public final class MavenResolver {
    private final Map<String, RemoteRepository> repositories = new LinkedHashMap<>();
    private final Path localRepository;
    private RepositorySystem system;

    public MavenResolver() {
        String local = System.getProperty("maven.repo.local");
        this.localRepository =
                local != null ? Path.of(local) : Path.of(System.getProperty("user.home"), ".m2", "repository");
        addRepository("central", "https://repo.maven.apache.org/maven2/");
    }

    public void addRepository(String id, String url) {
        repositories.put(id, new RemoteRepository.Builder(id, "default", url).build());
    }

    public Map<String, String> repositories() {
        Map<String, String> out = new LinkedHashMap<>();
        repositories.forEach((id, r) -> out.put(id, r.getUrl()));
        return out;
    }

    /** The jar files of {@code coordinates} (g:a[:ext[:classifier]]:v) and all they need at runtime. */
    public synchronized List<Path> resolve(List<String> coordinates) {
        if (system == null) {
            system = new RepositorySystemSupplier().get(); // costly: built on first use only
        }
        CollectRequest collect = new CollectRequest();
        for (String c : coordinates) {
            DefaultArtifact artifact;
            try {
                artifact = new DefaultArtifact(c);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "'" + c + "' is not a Maven coordinate: write groupId:artifactId:version");
            }
            collect.addDependency(new Dependency(artifact, "runtime"));
        }
        collect.setRepositories(new ArrayList<>(repositories.values()));
        try (CloseableSession session = new SessionBuilderSupplier(system)
                .get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setSystemProperties(System.getProperties())
                .build()) {
            DependencyRequest request =
                    new DependencyRequest(collect, DependencyFilterUtils.classpathFilter("runtime"));
            List<Path> files = new ArrayList<>();
            for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
                files.add(r.getArtifact().getPath());
            }
            return files;
        } catch (DependencyResolutionException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new IllegalStateException("could not resolve " + String.join(", ", coordinates) + " from "
                    + String.join(", ", repositories.keySet()) + " (local repository " + localRepository + "): "
                    + root.getMessage());
        }
    }
}
