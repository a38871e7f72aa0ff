package org.civcheck.evidence;

import java.util.regex.Pattern;

/**
 * The one rule for a unit's id ({@code unit.id} of a package, {@code token add --unit}): the
 * pattern of the package contract's schema, read from it, so that a token can only be made for a
 * unit id that can upload.
 */
public final class UnitIds {

    private static final Pattern PATTERN = Pattern.compile(PackageSchema.get().unitIdPattern());

    private UnitIds() {}

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    /** Why {@code id} is no unit id, in Chinese; null when it is one. */
    public static String problem(String id) {
        if (isValid(id)) {
            return null;
        }
        return "单位编号" + InputTexts.quote(String.valueOf(id)) + "不符合要求：只能由小写字母、数字和连字符（-）组成，"
                + "以字母或数字开头，最长 64 个字符（与证据包中填写的单位编号一致）";
    }
}
