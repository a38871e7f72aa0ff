package org.civcheck.evidence;

/**
 * Decides whether a path names a file inside the package: relative, no {@code ..} segment,
 * no drive letter. Used for attachment {@code file}s and for zip entry names (zip slip).
 */
final class RelativePaths {

    private RelativePaths() {}

    /** Why an attachment {@code file} does not name a file inside the package, or null when it does. */
    static String attachmentProblem(String file) {
        if (file.startsWith("/")) {
            return "文件路径" + InputTexts.quote(file) + "不能以 / 开头，应为材料包内的相对路径";
        }
        if (hasDriveLetter(file)) {
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
        if (name.chars().anyMatch(RelativePaths::isControl)) {
            return "不安全的文件名：含控制字符（如空字符）";
        }
        if (name.startsWith("/") || name.startsWith("\\")) {
            return "不安全的文件名：以 / 开头的绝对路径";
        }
        if (hasDriveLetter(name)) {
            return "不安全的文件名：带盘符的绝对路径";
        }
        if (hasParentSegment(name)) {
            return "不安全的文件名：含“..”段，可能指向压缩包以外";
        }
        return null;
    }

    /** A C0 or C1 control character, or DEL: never part of a file name a user gave. */
    static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
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

    /** An ASCII letter and a colon first, as in {@code C:} (also {@code C:x}, relative to a drive). */
    private static boolean hasDriveLetter(String path) {
        if (path.length() < 2 || path.charAt(1) != ':') {
            return false;
        }
        char first = path.charAt(0);
        return first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z';
    }

    /** A segment between {@code /} or {@code \} separators (or the ends) that is exactly {@code ..}. */
    private static boolean hasParentSegment(String path) {
        if (!path.contains("..")) {
            return false;
        }
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/' || path.charAt(i) == '\\') {
                if (i - start == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.') {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
