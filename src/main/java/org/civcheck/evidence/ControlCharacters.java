package org.civcheck.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses control characters in the package's texts, at their JSON path: a NUL or an escape
 * sequence is never part of a title a unit typed, breaks the files made from it (the 复查表, the
 * report drafts, a terminal showing a log), and bidirectional overrides can make a name read as
 * another. Refused rather than stripped, so that what is stored is what was scored and shown.
 *
 * <p>Refused: C0 controls but tab, line feed and carriage return; DEL; C1 controls; the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Ids and fixed words are held
 * to their patterns and lists by the schema already.
 */
final class ControlCharacters {

    private final List<InputProblem> faults = new ArrayList<>();

    private ControlCharacters() {}

    static List<InputProblem> check(EvidencePackage pkg) {
        ControlCharacters c = new ControlCharacters();
        Unit unit = pkg.unit();
        c.text("$.unit.name", unit.name());
        if (unit.coordinator() != null) {
            c.text("$.unit.coordinator.name", unit.coordinator().name());
        }
        for (int i = 0; i < unit.departments().size(); i++) {
            c.text("$.unit.departments[" + i + "].name", unit.departments().get(i).name());
        }
        for (int i = 0; i < pkg.plans().size(); i++) {
            PlanDocument plan = pkg.plans().get(i);
            c.text("$.plans[" + i + "].title", plan.title());
            for (int t = 0; t < plan.tags().size(); t++) {
                c.text("$.plans[" + i + "].tags[" + t + "]", plan.tags().get(t));
            }
            c.attachments("$.plans[" + i + "]", plan.attachments());
        }
        for (int i = 0; i < pkg.activities().size(); i++) {
            Activity a = pkg.activities().get(i);
            String path = "$.activities[" + i + "]";
            c.text(path + ".title", a.title());
            c.text(path + ".type", a.type());
            for (int t = 0; t < a.tags().size(); t++) {
                c.text(path + ".tags[" + t + "]", a.tags().get(t));
            }
            c.attachments(path, a.attachments());
        }
        for (int i = 0; i < pkg.honors().size(); i++) {
            c.text("$.honors[" + i + "].title", pkg.honors().get(i).title());
        }
        for (int i = 0; i < pkg.incidents().size(); i++) {
            c.text("$.incidents[" + i + "].description", pkg.incidents().get(i).description());
            c.text("$.incidents[" + i + "].type", pkg.incidents().get(i).type());
        }
        return c.faults;
    }

    private void attachments(String owner, List<Attachment> attachments) {
        for (int j = 0; j < attachments.size(); j++) {
            text(owner + ".attachments[" + j + "].file", attachments.get(j).file());
        }
    }

    private void text(String path, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            if (refused(text.charAt(i))) {
                faults.add(new InputProblem(path, "文字中含有不可见的控制字符（第 " + (i + 1) + " 个字符），请删除后重新上传"));
                return;
            }
        }
    }

    static boolean refused(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
