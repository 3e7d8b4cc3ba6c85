package org.mlcycle.kernel.eval;

import java.nio.charset.StandardCharsets;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the bytecode of compiled notebook snippets so that {@code System.exit(n)},
 * {@code Runtime.getRuntime().exit(n)} and {@code halt(n)} call {@link ExitTrap} instead. A
 * SecurityManager would also catch them, but it is deprecated for removal and gone from JDK 24;
 * rewriting works on every JDK. ASM is the well-kept library for this (the JDK's own class-file
 * API is not public before JDK 24).
 */
final class SnippetRewriter {
    private static final String TRAP = ExitTrap.class.getName().replace('.', '/');
    private static final byte[] EXIT = "exit".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HALT = "halt".getBytes(StandardCharsets.US_ASCII);

    private SnippetRewriter() {}

    static byte[] rewrite(byte[] classBytes) {
        // Most snippets never mention exit or halt: skip parsing them.
        if (!contains(classBytes, EXIT) && !contains(classBytes, HALT)) {
            return classBytes;
        }
        ClassReader reader = new ClassReader(classBytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                        return new MethodVisitor(Opcodes.ASM9, mv) {
                            @Override
                            public void visitMethodInsn(
                                    int opcode, String owner, String method, String desc, boolean isInterface) {
                                if (opcode == Opcodes.INVOKESTATIC
                                        && owner.equals("java/lang/System")
                                        && method.equals("exit")
                                        && desc.equals("(I)V")) {
                                    super.visitMethodInsn(Opcodes.INVOKESTATIC, TRAP, "exit", "(I)V", false);
                                } else if (opcode == Opcodes.INVOKEVIRTUAL
                                        && owner.equals("java/lang/Runtime")
                                        && (method.equals("exit") || method.equals("halt"))
                                        && desc.equals("(I)V")) {
                                    String target = method.equals("exit") ? "runtimeExit" : "runtimeHalt";
                                    super.visitMethodInsn(
                                            Opcodes.INVOKESTATIC, TRAP, target, "(Ljava/lang/Runtime;I)V", false);
                                } else {
                                    super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                                }
                            }
                        };
                    }
                },
                0);
        return writer.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
