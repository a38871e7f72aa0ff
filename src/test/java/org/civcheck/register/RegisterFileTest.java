package org.civcheck.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The register file as a 文明办 saves it from Excel, and its faults at their lines, in Chinese. */
class RegisterFileTest {

    static RegisterFile.Reading read(String text) {
        return RegisterFile.read("名册.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void columnsInAnyOrderWithAByteOrderMarkAndTheRegionsOfEveryPath() {
        RegisterFile.Reading r = read("\uFEFF区/县,市,省,单位名称,单位编号\n玄武区,南京市,江苏省,\"区委办公室，综合科\",qw-office\n"
                + ",苏州市,江苏省,苏州银行,sz-bank\n");

        assertTrue(r.isAccepted(), r.problems().toString());
        assertEquals(List.of("江苏省", "江苏省/南京市", "江苏省/南京市/玄武区", "江苏省/苏州市"),
                r.register().regions().stream().map(Region::id).toList());
        assertEquals(new RegisteredUnit("qw-office", "区委办公室，综合科", null, "江苏省/南京市/玄武区"), r.register().units().get(0));
        assertEquals(2, r.register().regions().get(1).depth());
        assertEquals("江苏省/南京市", r.register().regions().get(2).parentId());
    }

    @Test
    void eachFaultNamesItsLineEvenAfterACellSpanningTwoLines() {
        RegisterFile.Reading r = read("单位编号,单位名称,文明单位级别,省,市,区县\n"
                + "a-1,\"两行\n的名称\",市级,江苏省,南京市,\n"
                + "B 2,某单位,特级,江苏省,南京/市,\n"
                + "c-3,某单位,,,南京市,\n");

        assertFalse(r.isAccepted());
        List<String> faults = r.problems().stream().map(RegisterProblem::toString).toList();
        assertTrue(faults.stream().anyMatch(f -> f.startsWith("名册.csv:4：单位编号“B 2”")), faults.toString());
        assertTrue(faults.contains("名册.csv:4：文明单位级别“特级”无法识别，应为 全国、省级、市级、县级 之一（可以不填）"), faults.toString());
        assertTrue(faults.stream().anyMatch(f -> f.startsWith("名册.csv:4：市“南京/市”不能含有“/”")), faults.toString());
        assertTrue(faults.contains("名册.csv:5：缺少省：地区要从省填起"), faults.toString());
        assertEquals(4, faults.size(), faults.toString());
    }

    @Test
    void aHeaderWithoutItsRequiredColumnsOrAnEmptyFileIsRefusedAtLineOne() {
        assertEquals(List.of("名册.csv:1：表头缺少“单位编号”列；第一行应为 单位编号,单位名称,文明单位级别,省,市,区县",
                "名册.csv:1：表头缺少“省”列；第一行应为 单位编号,单位名称,文明单位级别,省,市,区县"),
                read("名称,地区\n区委办,江苏省\n").problems().stream().map(RegisterProblem::toString).toList());
        assertEquals("名册.csv:1：文件是空的：第一行应为表头 单位编号,单位名称,文明单位级别,省,市,区县",
                read("\n\n").problems().get(0).toString());
    }

    @Test
    void aRegionIsWithinItselfAndItsAncestorsOnlyByWholeNames() {
        assertTrue(Region.within("江苏省/南京市/玄武区", "江苏省"));
        assertTrue(Region.within("江苏省/南京市", "江苏省/南京市"));
        assertFalse(Region.within("江苏省/南京市郊", "江苏省/南京市"));
        assertFalse(Region.within(null, "江苏省"));
    }
}
