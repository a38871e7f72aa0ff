package org.civcheck.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The character loops of {@link RelativePaths} decide as the regular expressions they replaced. */
class RelativePathsTest {

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    private static String attachmentReference(String file) {
        if (file.startsWith("/")) {
            return "文件路径" + InputTexts.quote(file) + "不能以 / 开头，应为材料包内的相对路径";
        }
        if (DRIVE_LETTER.matcher(file).matches()) {
            return "文件路径" + InputTexts.quote(file) + "不能带盘符，应为材料包内的相对路径";
        }
        if (file.contains("\\")) {
            return "文件路径" + InputTexts.quote(file) + "不能含反斜杠 \\，目录之间请用 /";
        }
        if (hasParentSegmentReference(file)) {
            return "文件路径" + InputTexts.quote(file) + "不能含“..”段（不得指向材料包以外）";
        }
        return null;
    }

    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F]");

    private static String entryReference(String name) {
        if (CONTROL.matcher(name).find()) {
            return "不安全的文件名：含控制字符（如空字符）";
        }
        if (name.startsWith("/") || name.startsWith("\\")) {
            return "不安全的文件名：以 / 开头的绝对路径";
        }
        if (DRIVE_LETTER.matcher(name).matches()) {
            return "不安全的文件名：带盘符的绝对路径";
        }
        if (hasParentSegmentReference(name)) {
            return "不安全的文件名：含“..”段，可能指向压缩包以外";
        }
        return null;
    }

    private static boolean hasParentSegmentReference(String path) {
        for (String segment : path.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Every string of up to four characters from a small alphabet of path characters. */
    private static List<String> paths() {
        String alphabet = "./\\:aZ1\n…";
        List<String> paths = new ArrayList<>(List.of(""));
        List<String> last = List.of("");
        for (int length = 1; length <= 4; length++) {
            List<String> next = new ArrayList<>();
            for (String prefix : last) {
                for (char c : alphabet.toCharArray()) {
                    next.add(prefix + c);
                }
            }
            paths.addAll(next);
            last = next;
        }
        paths.addAll(List.of("plans/../../secret.pdf", "study\\0306.jpg", "C:/photos/0305.jpg", "a/b/..", "../", "...",
                "a/.../b", "a..b/c", "学习/0306会议记录.pdf", "taizhang/act-0001-minutes.pdf"));
        return paths;
    }

    @Test
    void attachmentProblemsAreThoseOfTheRegularExpressions() {
        for (String path : paths()) {
            assertEquals(attachmentReference(path), RelativePaths.attachmentProblem(path), path);
        }
    }

    @Test
    void entryNameProblemsAreThoseOfTheRegularExpressions() {
        for (String path : paths()) {
            assertEquals(entryReference(path), RelativePaths.entryNameProblem(path), path);
        }
    }
}
