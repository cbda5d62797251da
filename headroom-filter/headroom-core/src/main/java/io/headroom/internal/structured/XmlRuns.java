package io.headroom.internal.structured;

import java.util.List;

/** Runs of consecutive sibling elements with the same name: the XML counterpart of a JSON array. */
final class XmlRuns {
    /**
     * Fewer items than this are left alone: SmartCrusher's default selection keeps up to 15 items anyway, and
     * shorter runs are not "many of them".
     */
    static final int MIN_ITEMS = 16;

    private XmlRuns() {
    }

    /** A run: {@code parent.children} from {@code from} (inclusive) to {@code to} (exclusive). */
    record Run(XmlElement parent, int from, int to) {
        int size() {
            return to - from;
        }

        String name() {
            return parent.children.get(from).name;
        }
    }

    /** End (exclusive) of the run of same-named siblings starting at {@code from}. */
    static int runEnd(List<XmlElement> children, int from) {
        String name = children.get(from).name;
        int to = from + 1;
        while (to < children.size() && children.get(to).name.equals(name)) to++;
        return to;
    }

    /** True when some element anywhere has a run of at least {@link #MIN_ITEMS} children. */
    static boolean hasLongRun(XmlElement root) {
        java.util.ArrayDeque<XmlElement> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            XmlElement e = todo.pop();
            List<XmlElement> children = e.children;
            for (int i = 0; i < children.size(); ) {
                int end = runEnd(children, i);
                if (end - i >= MIN_ITEMS) return true;
                i = end;
            }
            for (XmlElement c : children) todo.push(c);
        }
        return false;
    }
}
