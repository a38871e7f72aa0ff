package org.civcheck.cli;

import java.util.ListResourceBundle;

/**
 * The words picocli puts around every command's usage, in Chinese: the headings and the
 * descriptions of the standard -h and -V options, which would otherwise be English.
 */
public final class UsageWords extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
            {"usage.synopsisHeading", "用法："},
            {"usage.commandListHeading", "%n命令：%n"},
            {"usage.optionListHeading", "%n选项：%n"},
            {"usage.parameterListHeading", "%n参数：%n"},
            {"mixinStandardHelpOptions.help", "显示本说明并退出。"},
            {"mixinStandardHelpOptions.version", "显示版本并退出。"},
        };
    }
}
