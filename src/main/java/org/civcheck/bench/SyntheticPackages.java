package org.civcheck.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Evidence packages of n activities, generated in memory, the same bytes for the same n (the seed
 * is n): the unit, plans, surveys and honors of the example library, and n activities spread over
 * 2025 like {@code examples/generate_examples.py --big}: ten activity types, two thirds organized by
 * the unit itself, attendance drawn per department, study records (minutes, attendance sheet) or
 * publicity records (photo, news) dated 0 to 40 days after the activity.
 */
public final class SyntheticPackages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate YEAR_START = LocalDate.of(2025, 1, 1);
    private static final List<String> TYPES = List.of("theory-study", "party-life", "volunteer-service", "festival",
            "moral-lecture", "city-creation", "publicity", "reading-club", "child-care", "integrity-education");
    private static final List<String> ORGANIZERS = List.of("self", "self", "civilization-office");
    private static final String[][] DEPARTMENTS = {
        {"bgs", "办公室", "8"}, {"cbb", "采编部", "12"}, {"ltb", "流通部", "16"}, {"jsb", "技术部", "6"}, {"tgb", "推广部", "10"}};

    private SyntheticPackages() {}

    /** The package of {@code activities} activities as compact UTF-8 JSON. */
    public static byte[] json(int activities) {
        try {
            return JSON.writeValueAsBytes(tree(activities));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a synthetic package", e);
        }
    }

    static ObjectNode tree(int activities) {
        Random rnd = new Random(activities);
        ObjectNode pkg = JSON.createObjectNode();
        pkg.put("schemaVersion", 1);
        ObjectNode unit = pkg.putObject("unit");
        unit.put("id", "bench-unit").put("name", "××基准测试单位").put("level", "municipal").put("titleSince", 2019)
                .put("staff", 52).put("partyMembers", 30);
        ArrayNode depts = unit.putArray("departments");
        for (String[] d : DEPARTMENTS) {
            depts.addObject().put("id", d[0]).put("name", d[1]).put("staff", Integer.parseInt(d[2]));
        }
        unit.putObject("coordinator").put("name", "陈××").put("dedicated", true);
        pkg.putObject("period").put("from", "2025-01-01").put("to", "2025-12-31");
        pkg.put("inspectionDate", "2026-01-15");
        ArrayNode plans = pkg.putArray("plans");
        plan(plans, "doc-01", "annual-plan", "2025年文明单位创建工作计划", "2025-01-10");
        plan(plans, "doc-02", "system", "理论学习制度", "2025-01-10");
        plan(plans, "doc-03", "system", "志愿服务管理办法", "2025-01-10");
        plan(plans, "doc-04", "system", "创建台账管理制度", "2025-01-15");
        plan(plans, "doc-05", "responsibility", "2025年创建工作任务分解和责任分工", "2025-01-15");
        ArrayNode acts = pkg.putArray("activities");
        for (int i = 1; i <= activities; i++) {
            String type = TYPES.get(rnd.nextInt(TYPES.size()));
            LocalDate day = YEAR_START.plusDays(rnd.nextInt(365));
            String id = String.format("act-%06d", i);
            ObjectNode a = acts.addObject();
            a.put("id", id).put("type", type).put("title", "活动").put("date", day.toString())
                    .put("organizer", ORGANIZERS.get(rnd.nextInt(ORGANIZERS.size())));
            ObjectNode attendance = a.putObject("attendance");
            for (String[] d : DEPARTMENTS) {
                attendance.put(d[0], rnd.nextInt(Integer.parseInt(d[2]) + 1));
            }
            if (type.equals("volunteer-service")) {
                a.put("volunteerHours", 20 + rnd.nextInt(80));
            }
            boolean study = type.equals("theory-study") || type.equals("party-life") || type.equals("integrity-education");
            String recorded = day.plusDays(rnd.nextInt(41)).toString();
            ArrayNode atts = a.putArray("attachments");
            if (study) {
                attachment(atts, id, "minutes", "pdf", recorded);
                attachment(atts, id, "attendance-sheet", "jpg", recorded);
            } else {
                attachment(atts, id, "photo", "jpg", recorded);
                if (rnd.nextInt(3) > 0) {
                    attachment(atts, id, "news", "pdf", recorded);
                }
            }
        }
        pkg.putObject("volunteers").put("registered", 44);
        pkg.putArray("honors").addObject().put("title", "市级文明单位").put("level", "municipal").put("date", "2025-03-01");
        ArrayNode surveys = pkg.putArray("surveys");
        surveys.addObject().put("kind", "public").put("respondents", 300).put("satisfied", 287).put("date", "2025-12-08");
        surveys.addObject().put("kind", "staff").put("respondents", 52).put("satisfied", 49).put("date", "2025-12-09");
        return pkg;
    }

    private static void plan(ArrayNode plans, String id, String kind, String title, String date) {
        ObjectNode p = plans.addObject().put("id", id).put("kind", kind).put("title", title).put("date", date);
        p.putArray("attachments").addObject().put("kind", "document").put("file", "plans/" + id + ".pdf").put("date", date);
    }

    private static void attachment(ArrayNode atts, String id, String kind, String ext, String date) {
        atts.addObject().put("kind", kind).put("file", "taizhang/" + id + "-" + kind + "." + ext).put("date", date);
    }
}
