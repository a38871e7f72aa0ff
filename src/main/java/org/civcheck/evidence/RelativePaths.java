package org.civcheck.evidence;

import java.util.regex.Pattern;

/**
 * Decides whether a path names a file inside the package: relative, no {@code ..} segment,
 * no drive letter. Used for attachment {@code file}s and for zip entry names (zip slip).
 */
final class RelativePaths {

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    private RelativePaths() {}

    /** Why an attachment {@code file} does not name a file inside the package, or null when it does. */
    static String attachmentProblem(String file) {
        if (file.startsWith("/")) {
            return "文件路径" + InputTexts.quote(file) + "不能以 / 开头，应为材料包内的相对路径";
        }
        if (DRIVE_LETTER.matcher(file).matches()) {
            return "文件路径" + InputTexts.quote(file) + "不能带盘符，应为材料包内的相对路径";
        }
        if (file.contains("\\")) {
            return "文件路径" + InputTexts.quote(file) + "不能含反斜杠 \\，目录之间请用 /";
        }
        if (hasParentSegment(file)) {
            return "文件路径" + InputTexts.quote(file) + "不能含“..”段（不得指向材料包以外）";
        }
        return null;
    }

    /** Why a zip entry name could be written outside the target folder (zip slip), or null when it cannot. */
    static String entryNameProblem(String name) {
        if (name.startsWith("/") || name.startsWith("\\")) {
            return "不安全的文件名：以 / 开头的绝对路径";
        }
        if (DRIVE_LETTER.matcher(name).matches()) {
            return "不安全的文件名：带盘符的绝对路径";
        }
        if (hasParentSegment(name)) {
            return "不安全的文件名：含“..”段，可能指向压缩包以外";
        }
        return null;
    }

    /** The path with {@code \} as {@code /}, and empty and {@code .} segments dropped. */
    static String normalize(String path) {
        StringBuilder normal = new StringBuilder();
        for (String segment : path.replace('\\', '/').split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                if (normal.length() > 0) {
                    normal.append('/');
                }
                normal.append(segment);
            }
        }
        return normal.toString();
    }

    private static boolean hasParentSegment(String path) {
        for (String segment : path.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
