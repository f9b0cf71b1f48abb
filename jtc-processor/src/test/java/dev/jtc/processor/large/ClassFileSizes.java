package dev.jtc.processor.large;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;

/**
 * The two sizes of a class file that limit generated code: each method's {@code code_length}
 * (HotSpot never JIT-compiles a method over 8,000 bytes, {@code -XX:HugeMethodLimit}; the class
 * file allows 65,535) and the class's constant-pool count (at most 65,535).
 *
 * <p>ASM's visitors do not report a method's byte length, so this walks the class file's
 * structure (JVMS 4.1) itself, with ASM's {@link ClassReader} reading the constant pool.
 */
public final class ClassFileSizes {

    /** HotSpot's {@code HugeMethodLimit}: a method whose bytecode is longer is never compiled by the JIT. */
    public static final int JIT_LIMIT = 8_000;

    /** The class file's limit on {@code constant_pool_count}. */
    public static final int CONSTANT_POOL_LIMIT = 65_535;

    private ClassFileSizes() {
    }

    /** One method of a class file and the length of its bytecode (abstract and native methods have none and are left out). */
    public record MethodSize(String className, String name, String descriptor, int codeLength) {

        @Override
        public String toString() {
            return className + "." + name + descriptor + ": " + codeLength + " bytes";
        }
    }

    /** The {@code constant_pool_count} of {@code classFile}: one more than its entries (a long or double takes two). */
    public static int constantPoolCount(byte[] classFile) {
        return new ClassReader(classFile).getItemCount();
    }

    /** Every method of {@code classFile} that has bytecode, with its {@code code_length}. */
    public static List<MethodSize> methods(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        char[] buffer = new char[reader.getMaxStringLength()];
        String className = reader.getClassName();
        int offset = reader.header + 6; // access_flags, this_class, super_class
        offset += 2 + 2 * reader.readUnsignedShort(offset); // interfaces
        int fields = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < fields; i++) {
            offset = skipAttributes(reader, offset + 6); // access_flags, name_index, descriptor_index
        }
        List<MethodSize> sizes = new ArrayList<>();
        int methods = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < methods; i++) {
            String name = reader.readUTF8(offset + 2, buffer);
            String descriptor = reader.readUTF8(offset + 4, buffer);
            int attributes = reader.readUnsignedShort(offset + 6);
            offset += 8;
            for (int a = 0; a < attributes; a++) {
                if ("Code".equals(reader.readUTF8(offset, buffer))) {
                    // attribute_name_index (2), attribute_length (4), max_stack (2), max_locals (2), code_length (4)
                    sizes.add(new MethodSize(className, name, descriptor, reader.readInt(offset + 10)));
                }
                offset += 6 + reader.readInt(offset + 2);
            }
        }
        return sizes;
    }

    private static int skipAttributes(ClassReader reader, int offset) {
        int attributes = reader.readUnsignedShort(offset);
        offset += 2;
        for (int a = 0; a < attributes; a++) {
            offset += 6 + reader.readInt(offset + 2);
        }
        return offset;
    }
}
