package org.civcheck.evidence;

/**
 * Where a node is in the input, as a chain of steps from the root. Cheap to make for every
 * node visited; the text ({@code $.activities[12].date}, see {@link JsonPaths}) is only built
 * when a fault or warning needs it.
 */
final class InputPath {

    static final InputPath ROOT = new InputPath(null, null, -1);

    private final InputPath parent;
    private final String name;
    private final int index;

    private InputPath(InputPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** The path of field {@code name} of the object here. */
    InputPath field(String name) {
        return new InputPath(this, name, -1);
    }

    /** The path of element {@code index} of the array here. */
    InputPath index(int index) {
        return new InputPath(this, null, index);
    }

    /** The JSON path, such as {@code $.activities[12].date}. */
    @Override
    public String toString() {
        if (parent == null) {
            return JsonPaths.ROOT;
        }
        String above = parent.toString();
        return name != null ? JsonPaths.field(above, name) : JsonPaths.index(above, index);
    }
}
