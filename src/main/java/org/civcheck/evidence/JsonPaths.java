package org.civcheck.evidence;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.networknt.schema.path.NodePath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/** Builds JSON paths such as {@code $.activities[12].date}; odd field names go in brackets. */
final class JsonPaths {

    static final String ROOT = "$";

    private static final Pattern PLAIN_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_-]*");

    private JsonPaths() {}

    /** The path of field {@code name} of the object at {@code parent}. */
    static String field(String parent, String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** The path of element {@code index} of the array at {@code parent}. */
    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The path of a schema validator's instance location. */
    static String of(NodePath location) {
        String path = ROOT;
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer position ? index(path, position) : field(path, String.valueOf(element));
        }
        return path;
    }

    /** The path of the value a streaming parser is at (the field being read, for objects). */
    static String of(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        String path = ROOT;
        for (JsonStreamContext c : chain) {
            if (c.inArray() && c.hasCurrentIndex()) {
                path = index(path, c.getCurrentIndex());
            } else if (c.inObject() && c.getCurrentName() != null) {
                path = field(path, c.getCurrentName());
            }
        }
        return path;
    }
}
