package org.civcheck.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The change language: each operation, and the exact sentence when a change cannot be applied. */
class PackageEditsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode pkg() throws Exception {
        return JSON.readTree("""
                {"unit": {"id": "u", "coordinator": {"name": "陈", "dedicated": true}},
                 "plans": [{"id": "doc-01", "date": "2025-01-10"}, {"id": "doc-02", "date": "2025-02-01"}],
                 "activities": [
                   {"id": "act-1", "type": "festival", "date": "2025-06-01", "tags": ["featured"]},
                   {"id": "act-2", "type": "festival", "date": "2025-07-01"},
                   {"id": "act-3", "type": "publicity", "date": "2025-06-20"}]}
                """);
    }

    private static JsonNode v(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static PackageEdit edit(PackageEdit.Op op, String path, JsonNode value) {
        return new PackageEdit(op, path, value == null ? List.of() : List.of(value), Map.of(), Map.of(), 7);
    }

    private static PackageEdit where(PackageEdit.Op op, Map<String, JsonNode> match, Map<String, JsonNode> fields) {
        return new PackageEdit(op, "$.activities", List.of(), match, fields, 7);
    }

    @Test
    void setReplacesTheValueAtAPath() throws Exception {
        JsonNode p = pkg();
        assertEquals(Optional.empty(), PackageEdits.apply(p, edit(PackageEdit.Op.SET, "$.plans[0].date", v("\"2025-05-20\""))));
        assertEquals("2025-05-20", p.at("/plans/0/date").asText());
    }

    @Test
    void setOnAFieldThatIsNotThereNamesTheFieldsThereAreAndPointsToAdd() throws Exception {
        assertEquals(Optional.of("路径“$.unit.coordinater”不存在：$.unit 没有字段“coordinater”（它的字段有：id、coordinator）；要新增字段请用 add"),
                PackageEdits.apply(pkg(), edit(PackageEdit.Op.SET, "$.unit.coordinater", v("1"))));
    }

    @Test
    void anIndexPastTheEndSaysHowManyItemsThereAre() throws Exception {
        assertEquals(Optional.of("路径“$.plans[5]”不存在：$.plans 只有2项（下标从0开始，最后一项是[1]）"),
                PackageEdits.apply(pkg(), edit(PackageEdit.Op.SET, "$.plans[5].date", v("\"2025-05-20\""))));
    }

    @Test
    void addCreatesAFieldButNeverOverwritesOne() throws Exception {
        JsonNode p = pkg();
        assertEquals(Optional.empty(), PackageEdits.apply(p, edit(PackageEdit.Op.ADD, "$.incidents", v("[]"))));
        assertEquals(Optional.of("路径“$.incidents”已存在，不能用 add 新增；要修改它请用 set"),
                PackageEdits.apply(p, edit(PackageEdit.Op.ADD, "$.incidents", v("[]"))));
    }

    @Test
    void removeTakesOutAFieldOrAnItem() throws Exception {
        JsonNode p = pkg();
        assertEquals(Optional.empty(), PackageEdits.apply(p, edit(PackageEdit.Op.REMOVE, "$.unit.coordinator", null)));
        assertEquals(Optional.empty(), PackageEdits.apply(p, edit(PackageEdit.Op.REMOVE, "$.plans[0]", null)));
        assertEquals(false, p.get("unit").has("coordinator"));
        assertEquals("doc-02", p.at("/plans/0/id").asText());
    }

    @Test
    void appendAddsToAListAndSuggestsAddWhenTheListIsMissing() throws Exception {
        JsonNode p = pkg();
        assertEquals(Optional.empty(), PackageEdits.apply(p, edit(PackageEdit.Op.APPEND, "$.plans", v("{\"id\": \"doc-03\"}"))));
        assertEquals(3, p.get("plans").size());
        assertEquals(Optional.of("路径“$.incidents”不存在：$ 没有字段“incidents”（它的字段有：unit、plans、activities）；"
                        + "可先新增一个空列表：add: { path: $.incidents, value: [] }"),
                PackageEdits.apply(p, edit(PackageEdit.Op.APPEND, "$.incidents", v("{}"))));
    }

    @Test
    void removeWhereMatchesListsOfValuesMonthPrefixesAndListFields() throws Exception {
        JsonNode p = pkg();
        assertEquals(Optional.empty(), PackageEdits.apply(p,
                where(PackageEdit.Op.REMOVE_WHERE, Map.of("type", v("[\"festival\", \"reading-club\"]"), "date", v("\"2025-06*\"")), Map.of())));
        assertEquals(List.of("act-2", "act-3"), ids(p));
        assertEquals(Optional.empty(), PackageEdits.apply(pkg(),
                where(PackageEdit.Op.REMOVE_WHERE, Map.of("tags", v("\"featured\"")), Map.of())));
    }

    @Test
    void aConditionNothingMeetsIsAnErrorNotANoOp() throws Exception {
        assertEquals(Optional.of("$.activities 中没有符合条件 {type: \"festivl\"} 的项（共3项），这条改动什么也没改；请检查字段名和取值"),
                PackageEdits.apply(pkg(), where(PackageEdit.Op.REMOVE_WHERE, Map.of("type", v("\"festivl\"")), Map.of())));
    }

    @Test
    void updateWhereSetsTheFieldsOfEveryMatchingItem() throws Exception {
        JsonNode p = pkg();
        assertEquals(Optional.empty(), PackageEdits.apply(p, where(PackageEdit.Op.UPDATE_WHERE,
                Map.of("type", v("\"festival\"")), Map.of("organizer", v("\"civilization-office\"")))));
        assertEquals("civilization-office", p.at("/activities/0/organizer").asText());
        assertEquals("civilization-office", p.at("/activities/1/organizer").asText());
        assertEquals(true, p.at("/activities/2/organizer").isMissingNode());
    }

    @Test
    void aPathMustStartWithTheDollarSign() {
        assertEquals(Optional.of("路径“plans[0].date”写法有误，应写成 $.plans[0].date 这样：以 $ 开头，字段用 .名称，列表的第几项用 [下标]（从0开始）"),
                PackageEdits.parse("plans[0].date", new java.util.ArrayList<>()));
    }

    private static List<String> ids(JsonNode p) {
        List<String> out = new java.util.ArrayList<>();
        p.get("activities").forEach(a -> out.add(a.get("id").asText()));
        return out;
    }
}
