package org.mlcycle.kernel.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** How the installer tells two versions of one library (kept once) from two classifiers of one version (both kept). */
class KernelspecInstallerTest {
    @Test
    void aJarsLibraryAndVersion() {
        assertArrayEquals(new String[] {"guava", "33.0.0"}, KernelspecInstaller.library("guava-33.0.0-jre.jar"));
        assertArrayEquals(
                new String[] {"commons-codec", "1.16.1"}, KernelspecInstaller.library("commons-codec-1.16.1.jar"));
        // two classifiers of one version read as the same version, so neither is dropped
        assertArrayEquals(
                KernelspecInstaller.library("netty-transport-native-epoll-4.1.96.Final-linux-x86_64.jar"),
                KernelspecInstaller.library("netty-transport-native-epoll-4.1.96.Final-linux-aarch_64.jar"));
        assertArrayEquals(new String[] {"notes.jar", ""}, KernelspecInstaller.library("notes.jar"));
    }
}
