package io.headroom.internal.image.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.internal.image.ImageRegion;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamedRegionsTest {
    @Test
    void cornersHalvesCentreAndThirds() {
        assertEquals(Optional.of(NamedRegions.TOP_LEFT), NamedRegions.named("what's in the top-left corner?"));
        assertEquals(Optional.of(NamedRegions.TOP_RIGHT), NamedRegions.named("upper right"));
        assertEquals(Optional.of(NamedRegions.BOTTOM_LEFT), NamedRegions.named("Look at the lower left."));
        assertEquals(Optional.of(NamedRegions.BOTTOM_RIGHT), NamedRegions.named("bottom right corner"));
        assertEquals(Optional.of(NamedRegions.LEFT_HALF), NamedRegions.named("the left half"));
        assertEquals(Optional.of(NamedRegions.RIGHT_HALF), NamedRegions.named("on the right side"));
        assertEquals(Optional.of(NamedRegions.TOP_HALF), NamedRegions.named("upper half of the page"));
        assertEquals(Optional.of(NamedRegions.BOTTOM_HALF), NamedRegions.named("the bottom section"));
        assertEquals(Optional.of(NamedRegions.CENTRE), NamedRegions.named("what's in the middle?"));
        assertEquals(Optional.of(NamedRegions.LEFT_THIRD), NamedRegions.named("the left third"));
        assertEquals(Optional.of(NamedRegions.TOP_THIRD), NamedRegions.named("top third of the screen"));
        assertEquals(Optional.of(NamedRegions.MIDDLE_THIRD), NamedRegions.named("the middle third"));
        assertEquals(Optional.of(new ImageRegion(2.0 / 3, 0, 1.0 / 3, 1)), NamedRegions.named("right third"));
    }

    @Test
    void otherLanguages() {
        assertEquals(Optional.of(NamedRegions.RIGHT_HALF), NamedRegions.named("Zoome auf die rechte Hälfte."));
        assertEquals(Optional.of(NamedRegions.TOP_LEFT), NamedRegions.named("¿Qué hay en la esquina superior izquierda?"));
        assertEquals(Optional.of(NamedRegions.BOTTOM_RIGHT), NamedRegions.named("le coin en bas à droite"));
    }

    @Test
    void noRegionNamed() {
        assertEquals(Optional.empty(), NamedRegions.named("Zoom in on the logo"));
        assertEquals(Optional.empty(), NamedRegions.named("Is the cup on top of the table?"));
        assertEquals(Optional.empty(), NamedRegions.named("Turn left at the sign: what does it say?"));
        assertEquals(Optional.empty(), NamedRegions.named("scan it from top to bottom"));
        assertEquals(Optional.empty(), NamedRegions.named("compare the left and right sides"));
    }
}
