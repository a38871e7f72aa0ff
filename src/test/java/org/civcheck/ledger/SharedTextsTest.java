package org.civcheck.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

class SharedTextsTest {

    private static SharedTexts read(String xml) throws Exception {
        return SharedTexts.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String SST = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"5\" uniqueCount=\"3\">";

    @Test
    void aTextWithFormattedRunsReadsAsItsRunsJoinedAndPhoneticGuidesAreLeftOut() throws Exception {
        SharedTexts texts = read(SST
                + "<si><t>道德讲堂</t></si>"
                + "<si><r><t>学雷锋</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> 志愿服务</t></r></si>"
                + "<si><t>春节</t><rPh sb=\"0\" eb=\"2\"><t>しゅんせつ</t></rPh></si>"
                + "</sst>");

        assertEquals("道德讲堂", texts.getItemAt(0).getString());
        assertEquals("学雷锋 志愿服务", texts.getItemAt(1).getString());
        assertEquals("春节", texts.getItemAt(2).toString());
        assertEquals(3, texts.getUniqueCount());
        assertEquals(5, texts.getCount());
    }

    @Test
    void anIndexThePartDoesNotHoldThrowsAsPoisTableDoes() throws Exception {
        SharedTexts texts = read(SST + "<si><t>只有一项</t></si></sst>");
        assertThrows(IndexOutOfBoundsException.class, () -> texts.getItemAt(1));
    }

    @Test
    void aClaimedCountFarAboveWhatThePartHoldsSetsNothingAsideAndReadsWhatIsThere() throws Exception {
        SharedTexts texts = read("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "uniqueCount=\"2147483647\"><si><t>一</t></si></sst>");
        assertEquals("一", texts.getItemAt(0).getString());
    }

    @Test
    void aPartWithADoctypeIsRefusedSoNoEntityIsExpanded() {
        assertThrows(SAXException.class, () -> read("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY x \"x\">]>"
                + SST + "<si><t>&x;</t></si></sst>"));
    }
}
