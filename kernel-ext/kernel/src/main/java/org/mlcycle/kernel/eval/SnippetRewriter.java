package org.mlcycle.kernel.eval;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the bytecode of compiled notebook snippets: {@code System.exit(n)},
 * {@code Runtime.getRuntime().exit(n)} and {@code halt(n)} call {@link ExitTrap} instead (a
 * SecurityManager would also catch them, but it is deprecated for removal and gone from JDK 24),
 * and every backward jump (a loop's back-edge) first calls {@link StopCheck#poll()}, so an
 * interrupt stops a busy loop on any JDK. ASM is the well-kept library for this (the JDK's own
 * class-file API is not public before JDK 24).
 */
final class SnippetRewriter {
    private static final String TRAP = ExitTrap.class.getName().replace('.', '/');
    private static final String STOP = StopCheck.class.getName().replace('.', '/');

    private SnippetRewriter() {}

    static byte[] rewrite(byte[] classBytes) {
        ClassReader reader = new ClassReader(classBytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                        return new MethodVisitor(Opcodes.ASM9, mv) {
                            private final java.util.Set<Label> seen = new java.util.HashSet<>();

                            @Override
                            public void visitLabel(Label label) {
                                seen.add(label);
                                super.visitLabel(label);
                            }

                            @Override
                            public void visitJumpInsn(int opcode, Label target) {
                                if (seen.contains(target)) {
                                    // a backward jump: a loop goes round again. The call takes and
                                    // leaves nothing on the stack, so frames and max stack hold.
                                    super.visitMethodInsn(Opcodes.INVOKESTATIC, STOP, "poll", "()V", false);
                                }
                                super.visitJumpInsn(opcode, target);
                            }

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
}
