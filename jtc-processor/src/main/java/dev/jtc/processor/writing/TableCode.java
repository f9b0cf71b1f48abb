package dev.jtc.processor.writing;

import static dev.jtc.processor.writing.SourceFiles.LIST;
import static dev.jtc.processor.writing.SourceFiles.TABLES;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generated lists that stay readable when small and compile when large: up to
 * {@value #ENTRIES_PER_METHOD} entries are one {@code List.of(...)}; more are split into private
 * methods of that many, joined by {@code Tables.concat}, so that no method's bytecode passes
 * HotSpot's 8,000-byte limit for compiling it (nor the class file's 64 KB limit for any method).
 */
final class TableCode {

    /** About 8 bytes of bytecode per entry of a {@code List.of(...)}: 500 stay near 4,000. */
    static final int ENTRIES_PER_METHOD = 500;

    private TableCode() {
    }

    /** One element of a generated list, with the one-line comment of the group it belongs to. */
    record Entry(String group, CodeBlock value) {}

    /** A list's initializer, and the private methods it calls when it is split. */
    record ListCode(CodeBlock initializer, List<MethodSpec> parts) {}

    /**
     * @param partName the prefix of the part methods' names: {@code jobTypes} gives {@code jobTypes1()}
     * @param ofLists whether each entry is itself a list, and the result joins them ({@code Tables.concat})
     */
    static ListCode list(TypeName elementType, List<Entry> entries, String partName, boolean ofLists) {
        if (entries.size() <= ENTRIES_PER_METHOD) {
            return new ListCode(ofLists ? concat(entries) : listOf(entries), List.of());
        }
        List<MethodSpec> parts = new ArrayList<>();
        List<CodeBlock> calls = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += ENTRIES_PER_METHOD) {
            String name = partName + (parts.size() + 1);
            List<Entry> part = entries.subList(from, Math.min(entries.size(), from + ENTRIES_PER_METHOD));
            parts.add(MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(ParameterizedTypeName.get(LIST, elementType))
                    .addStatement("return $L", ofLists ? concat(part) : listOf(part))
                    .build());
            calls.add(CodeBlock.of("$N()", name));
        }
        return new ListCode(CodeBlock.of("$T.concat($L)", TABLES, CodeBlock.join(calls, ", ")), parts);
    }

    /** {@code List.of(A, B)} over several lines, with a one-line comment above each group. */
    static CodeBlock listOf(List<Entry> entries) {
        return join(CodeBlock.of("$T.of(", LIST), entries);
    }

    /** {@code Tables.concat(A.TASKS, B.TASKS)}, laid out as {@link #listOf}. */
    static CodeBlock concat(List<Entry> lists) {
        return lists.isEmpty() ? CodeBlock.of("$T.of()", LIST) : join(CodeBlock.of("$T.concat(", TABLES), lists);
    }

    private static CodeBlock join(CodeBlock opening, List<Entry> entries) {
        if (entries.isEmpty()) {
            return CodeBlock.of("$L)", opening);
        }
        CodeBlock.Builder list = CodeBlock.builder().add("$L\n", opening).indent().indent();
        String group = null;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (!entry.group().equals(group)) {
                group = entry.group();
                list.add("// $L\n", group);
            }
            list.add("$L$L", entry.value(), i + 1 < entries.size() ? ",\n" : "");
        }
        return list.add(")").unindent().unindent().build();
    }
}
