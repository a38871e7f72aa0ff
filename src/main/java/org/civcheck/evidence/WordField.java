package org.civcheck.evidence;

/**
 * A field of the package whose value is a word of a vocabulary: the code of the contract or of
 * the criteria set's taxonomy, or its Chinese name. What a word the set does not know there
 * means is {@link #soft}: see {@link PackageWords} for the rule.
 */
public enum WordField {
    ACTIVITY_TYPE("activityType", "活动类型", "该活动不计入任何指标"),
    ORGANIZER("organizer", "组织方", null),
    ATTACHMENT_KIND("attachmentKind", "材料种类", null),
    DOCUMENT_KIND("documentKind", "文件种类", null),
    INCIDENT_TYPE("incidentType", "事件类型", "该事件不参与一票否决判断"),
    SEVERITY("severity", "严重程度", null),
    SURVEY_KIND("surveyKind", "测评对象", null),
    UNIT_LEVEL("unitLevel", "文明单位级别", null),
    HONOR_LEVEL("honorLevel", "荣誉级别", null),
    /** Who an incident involved: the criteria set's {@code roles}; none in the contract. */
    ROLE("role", "涉及人员", null),
    /** The indicators a unit rates itself (自评), by their Chinese names: the set's, none in the contract. */
    SELF_RATED_INDICATOR("selfRatedIndicator", "自评指标", null);

    private final String key;
    private final String label;
    private final String whenUnknown;

    WordField(String key, String label, String whenUnknown) {
        this.key = key;
        this.label = label;
        this.whenUnknown = whenUnknown;
    }

    /** The field's key in the standard words resource. */
    String key() {
        return key;
    }

    /** What the field is called in Chinese (活动类型). */
    public String label() {
        return label;
    }

    /**
     * True when a word the set does not know here is a warning (the record counts for nothing under
     * this set, and stays valid under a set that knows the word); false when it refuses the package.
     */
    public boolean soft() {
        return whenUnknown != null;
    }

    /** What an unknown word means for its record, for a soft field ("该活动不计入任何指标"). */
    String whenUnknown() {
        return whenUnknown;
    }
}
