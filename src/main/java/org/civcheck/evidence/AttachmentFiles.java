package org.civcheck.evidence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Matches the attachments of a zip package with the zip's files, one attachment at a time as
 * the package is read: an attachment without its file proves nothing, a file no attachment
 * names is probably a mistake. Both are warnings. One instance serves one reading.
 */
final class AttachmentFiles {

    /** Files that operating systems add to archives on their own; never worth a warning. */
    private static final Set<String> SYSTEM_FILES = Set.of(".DS_Store", "Thumbs.db", "desktop.ini");

    private final Set<String> zipFiles;
    private final Set<String> referenced = new HashSet<>();
    private final List<InputProblem> missing = new ArrayList<>();

    /** A matcher for a zip holding {@code zipFiles} (normalized names); null for a plain JSON package, whose attachments all count as present. */
    AttachmentFiles(Set<String> zipFiles) {
        this.zipFiles = zipFiles;
    }

    /**
     * Whether the file an attachment names is in the package; when it is not, a warning at the
     * attachment's {@code file} field, whose path is only made then.
     */
    boolean present(String file, Supplier<String> filePath) {
        if (zipFiles == null) {
            return true;
        }
        String normal = RelativePaths.normalize(file);
        referenced.add(normal);
        if (zipFiles.contains(normal)) {
            return true;
        }
        missing.add(new InputProblem(filePath.get(), "压缩包中没有此文件：" + file + "，该材料不能作为佐证"));
        return false;
    }

    /** One warning per missing file, in the order met, then one per zip file no attachment named. */
    List<InputProblem> warnings() {
        if (zipFiles == null) {
            return List.of();
        }
        List<InputProblem> warnings = new ArrayList<>(missing);
        for (String file : zipFiles) {
            if (!referenced.contains(file) && !isSystemFile(file)) {
                warnings.add(new InputProblem(file, "压缩包中的文件未被任何材料引用"));
            }
        }
        return warnings;
    }

    private static boolean isSystemFile(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return file.startsWith("__MACOSX/") || SYSTEM_FILES.contains(name);
    }
}
