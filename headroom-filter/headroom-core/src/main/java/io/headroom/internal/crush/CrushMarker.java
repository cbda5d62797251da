package io.headroom.internal.crush;

/** The retrieval marker every crushed array carries, in the wording the original project uses. */
public final class CrushMarker {

    /** Key under which the marker (and the array's header data) appears in crushed output. */
    public static final String KEY = "_headroom";

    private CrushMarker() {
    }

    public static String text(int originalCount, int keptCount, String ccrHash) {
        return "[" + originalCount + " items compressed to " + keptCount + ". Retrieve more: hash=" + ccrHash + "]";
    }
}
