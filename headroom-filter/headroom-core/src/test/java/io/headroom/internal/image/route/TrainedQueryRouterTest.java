package io.headroom.internal.image.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.internal.image.ImageRegion;
import io.headroom.internal.image.ImageRoute;
import io.headroom.internal.image.ImageTechnique;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainedQueryRouterTest {
    private final TrainedQueryRouter router = TrainedQueryRouter.shipped();
    private final TrainedQueryRouter rulesOnly =
            new TrainedQueryRouter(Optional.empty(), TrainedQueryRouter.DEFAULT_MIN_CONFIDENCE);

    @Test
    void shippedWeightsAreOnTheClassPathAndSmall() throws Exception {
        assertTrue(router.classifierLoaded());
        try (var in = SoftmaxQueryModel.class.getResourceAsStream(SoftmaxQueryModel.RESOURCE)) {
            assertTrue(in.readAllBytes().length < 100_000);
        }
    }

    @Test
    void questionsOfEachTechniqueTheTrainingNeverSaw() {
        assertEquals(ImageTechnique.FULL_LOW, router.route("What's this a picture of?").technique());
        assertEquals(ImageTechnique.TRANSCODE, router.route("Transcribe the invoice for me").technique());
        assertEquals(ImageTechnique.PRESERVE, router.route("How many screws exactly are on the panel?").technique());
        assertEquals(ImageTechnique.CROP, router.route("zoom in on the logo please").technique());
    }

    @Test
    void aFineDetailQuestionKeepsItsPixelsWhateverTheClassifierSays() {
        // the classifier alone reads "printed ... text" as a reading question (the image benchmark's one miss)
        assertEquals(ImageTechnique.PRESERVE,
                router.route("What is the serial number printed in tiny text?").technique());
    }

    @Test
    void aNamedRegionIsACropOfThatRegion() {
        ImageRoute route = router.route("What does the sign in the top-left corner say?");
        assertEquals(ImageTechnique.CROP, route.technique());
        assertEquals(NamedRegions.TOP_LEFT, route.region());
        assertEquals(NamedRegions.RIGHT_HALF, router.route("Focus on the right half").region());
        assertEquals(NamedRegions.CENTRE, router.route("what is in the centre?").region());
        assertEquals(NamedRegions.BOTTOM_THIRD, router.route("Look at the bottom third").region());
    }

    @Test
    void aCropWithoutANamedRegionLeavesTheRegionToTheImage() {
        ImageRoute route = router.route("Zoom in on the dog.");
        assertEquals(ImageTechnique.CROP, route.technique());
        assertEquals(ImageRegion.WHOLE, route.region());
    }

    @Test
    void withoutWeightsTheRulesRoute() {
        assertEquals(ImageTechnique.TRANSCODE, rulesOnly.route("What does it say?").technique());
        assertEquals(ImageTechnique.TRANSCODE, rulesOnly.route("Read the receipt").technique());
        assertEquals(ImageTechnique.PRESERVE, rulesOnly.route("What is the exact colour of the button?").technique());
        assertEquals(ImageTechnique.PRESERVE, rulesOnly.route("is there fine detail in the weave").technique());
        assertEquals(ImageTechnique.FULL_LOW, rulesOnly.route("Describe the photo").technique());
        ImageRoute crop = rulesOnly.route("what's in the bottom-right corner");
        assertEquals(new ImageRoute(ImageTechnique.CROP, NamedRegions.BOTTOM_RIGHT, 1), crop);
    }

    @Test
    void anUnsureClassifierHandsOverToTheRulesAndThenKeepsTheImage() {
        // A floor no prediction reaches: every answer comes from the rules, or preserve.
        TrainedQueryRouter unsure = new TrainedQueryRouter(SoftmaxQueryModel.shipped(), 1.0);
        assertEquals(ImageTechnique.TRANSCODE, unsure.route("transcribe this").technique());
        ImageRoute unknown = unsure.route("blorp zanthe quiggle");
        assertEquals(ImageTechnique.PRESERVE, unknown.technique());
        assertTrue(unknown.confidence() < 1, "the classifier's confidence is reported");
    }

    @Test
    void blankOrNullQuestionKeepsTheImage() {
        assertEquals(ImageRoute.preserve(), router.route(null));
        assertEquals(ImageRoute.preserve(), router.route("   "));
    }

    @Test
    void confidenceIsAProbability() {
        double confidence = router.route("Describe this screenshot").confidence();
        assertTrue(confidence > 0.5 && confidence <= 1, "confidence " + confidence);
    }

    @Test
    void aModelSurvivesWriteAndRead() throws Exception {
        SoftmaxQueryModel model = SoftmaxQueryModel.shipped().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        SoftmaxQueryModel read = SoftmaxQueryModel.read(new ByteArrayInputStream(out.toByteArray()));
        String question = "read the error message";
        assertEquals(model.predict(question), read.predict(question));
    }

    @Test
    void aCorruptModelIsRefused() {
        byte[] garbage = "not a model at all".getBytes();
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> SoftmaxQueryModel.read(new ByteArrayInputStream(garbage)));
    }
}
