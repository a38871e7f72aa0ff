package org.civcheck.engine.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An immutable, ordered selection of facts that a rule takes with {@code from}; narrowing keeps
 * the items matching a plain fact about them and returns a selection of the same kind.
 *
 * <p>Not {@link Iterable} on purpose: {@code from} would then take the items one by one.
 *
 * @param <T> the fact selected
 * @param <S> the selection's own type, which narrowing returns
 */
public abstract class Selection<T, S extends Selection<T, S>> {

    /** The items as given, iterated here without the read-only view's indirection. */
    private final List<T> given;
    private final List<T> items;
    private final Function<List<T>, S> make;

    Selection(List<T> items, Function<List<T>, S> make) {
        this.given = items instanceof java.util.RandomAccess ? items : new ArrayList<>(items);
        this.items = Collections.unmodifiableList(given);
        this.make = make;
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<T> list() {
        return items;
    }

    /** The items passing {@code test}; this selection itself when all do. */
    @SuppressWarnings("unchecked")
    S where(Predicate<T> test) {
        List<T> kept = new ArrayList<>();
        for (int i = 0, n = given.size(); i < n; i++) {
            T item = given.get(i);
            if (test.test(item)) {
                kept.add(item);
            }
        }
        return kept.size() == given.size() ? (S) this : make.apply(kept);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + items.size() + "]";
    }
}
