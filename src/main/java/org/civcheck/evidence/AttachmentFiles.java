package org.civcheck.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Matches the attachments of a zip package with the zip's files: an attachment without its
 * file proves nothing, a file no attachment names is probably a mistake. Both are warnings.
 */
final class AttachmentFiles {

    /** Files that operating systems add to archives on their own; never worth a warning. */
    private static final Set<String> SYSTEM_FILES = Set.of(".DS_Store", "Thumbs.db", "desktop.ini");

    /**
     * The outcome of matching.
     *
     * @param warnings           one per missing file and one per unreferenced zip file
     * @param missingAttachments the attachment nodes whose file is not in the zip, by identity
     *                           (two attachments may be equal and still be two)
     */
    record Result(List<InputProblem> warnings, Set<JsonNode> missingAttachments) {

        /** A plain JSON package: nothing to match, every attachment counts as present. */
        static Result allPresent() {
            return new Result(List.of(), Set.of());
        }
    }

    private AttachmentFiles() {}

    /** Matches attachment nodes (from {@link ContractWalk}) with the zip's normalized file names. */
    static Result match(List<ContractWalk.Located> attachments, Set<String> zipFiles) {
        List<InputProblem> warnings = new ArrayList<>();
        Set<JsonNode> missing = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> referenced = new HashSet<>();
        for (ContractWalk.Located attachment : attachments) {
            String file = attachment.node().path("file").asText();
            String normal = RelativePaths.normalize(file);
            referenced.add(normal);
            if (!zipFiles.contains(normal)) {
                missing.add(attachment.node());
                warnings.add(new InputProblem(attachment.path() + ".file", "压缩包中没有此文件：" + file + "，该材料不能作为佐证"));
            }
        }
        for (String file : zipFiles) {
            if (!referenced.contains(file) && !isSystemFile(file)) {
                warnings.add(new InputProblem(file, "压缩包中的文件未被任何材料引用"));
            }
        }
        return new Result(List.copyOf(warnings), Collections.unmodifiableSet(missing));
    }

    private static boolean isSystemFile(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return file.startsWith("__MACOSX/") || SYSTEM_FILES.contains(name);
    }
}
