package org.civcheck.evidence;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The attendance of one activity, department by department, in the order the package gives
 * them: an immutable map on two arrays. A package of 100,000 activities holds as many of these;
 * {@link Map#ofEntries} made an entry per department to build each, and a hash table twice
 * its size to keep it. A unit has a few dozen departments at most, so lookups scan.
 */
final class AttendanceCounts extends AbstractMap<String, Integer> {

    private final String[] departments;
    private final int[] counts;

    /** Takes the arrays as they are: the caller gives them up. Departments are distinct and not null. */
    AttendanceCounts(String[] departments, int[] counts) {
        if (departments.length != counts.length) {
            throw new IllegalArgumentException("departments and counts differ in length");
        }
        this.departments = departments;
        this.counts = counts;
    }

    private int indexOf(Object department) {
        for (int i = 0; i < departments.length; i++) {
            if (departments[i].equals(department)) {
                return i;
            }
        }
        return -1;
    }

    /** The sum of the counts. */
    int total() {
        int sum = 0;
        for (int count : counts) {
            sum += count;
        }
        return sum;
    }

    @Override
    public int size() {
        return departments.length;
    }

    @Override
    public boolean isEmpty() {
        return departments.length == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Integer get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : counts[i];
    }

    @Override
    public Integer getOrDefault(Object key, Integer defaultValue) {
        int i = indexOf(key);
        return i < 0 ? defaultValue : counts[i];
    }

    /** The department at {@code i}, in the package's order. */
    String department(int i) {
        return departments[i];
    }

    @Override
    public Set<Entry<String, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Integer>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < departments.length;
                    }

                    @Override
                    public Entry<String, Integer> next() {
                        if (next >= departments.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Integer> entry = Map.entry(departments[next], counts[next]);
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return departments.length;
            }
        };
    }
}
