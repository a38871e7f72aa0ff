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
}
