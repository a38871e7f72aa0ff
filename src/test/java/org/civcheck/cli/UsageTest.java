package org.civcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code java -jar civcheck.jar} with no command: the usage once, in Chinese. */
class UsageTest {

    @Test
    void withoutACommandTheUsageIsPrintedOnceInChinese() {
        CheckCommandTest.Run run = CheckCommandTest.civcheck();
        assertEquals(2, run.exit());
        String err = run.err();
        assertEquals(err.indexOf("用法："), err.lastIndexOf("用法："), "the usage once: " + err);
        assertTrue(err.startsWith("用法错误：缺少命令"), err);
        for (String english : new String[] {"Usage", "Commands", "Options", "Show this help", "COMMAND"}) {
            assertFalse(err.contains(english), english + " in: " + err);
        }
        assertTrue(err.contains("命令：") && err.contains("check"), err);
    }

    @Test
    void theCheckHelpSaysTheExitCodesInChineseWithoutTheResultsCodeWords() {
        CheckCommandTest.Run run = CheckCommandTest.civcheck("check", "--help");
        String help = run.out() + run.err();
        assertTrue(help.replaceAll("\\s+", "").contains("退出码：0结论为可以通过；1已检查，结论为存在风险、难以通过或一票否决；2未能检查"),
                help);
        for (String code : new String[] {"ready", "at-risk", "vetoed", "evidence JSON"}) {
            assertFalse(help.contains(code), code + " in: " + help);
        }
    }
}
