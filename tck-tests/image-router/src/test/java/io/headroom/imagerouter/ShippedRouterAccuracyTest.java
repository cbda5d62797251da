package io.headroom.imagerouter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.imagerouter.QuestionSetGenerator.Labelled;
import io.headroom.internal.image.route.SoftmaxQueryModel;
import io.headroom.internal.image.route.TrainedQueryRouter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The weights the core ships are the ones the training code produces from the committed set, and their accuracy
 * on the held-out split (phrasings never seen in training) is what src-docs/image-routing.md states.
 */
class ShippedRouterAccuracyTest {
    /**
     * Floors at the figures the shipped weights reach (classifier 89.4%, router 93.3%, documented), rounded down
     * to a whole question's worth below them: a change that loses more than that to features, data or rules
     * fails here. The original's MiniLM router published 93.7%.
     */
    static final double CLASSIFIER_FLOOR = 0.88;
    static final double ROUTER_FLOOR = 0.92;

    @Test
    void trainingReproducesTheShippedWeights() throws Exception {
        ByteArrayOutputStream trained = new ByteArrayOutputStream();
        TrainQueryRouter.trainShipped().write(trained);
        byte[] shipped;
        try (InputStream in = SoftmaxQueryModel.class.getResourceAsStream(SoftmaxQueryModel.RESOURCE)) {
            shipped = in.readAllBytes();
        }
        assertArrayEquals(shipped, trained.toByteArray(),
                "the core's query-router-weights.bin is not what TrainQueryRouter writes: retrain (src-docs/image-routing.md)");
    }

    @Test
    void heldOutAccuracyOfTheShippedClassifierAndRouter() throws Exception {
        List<Labelled> heldOut = QuestionSet.heldOut(QuestionSet.shipped());
        SoftmaxQueryModel model = SoftmaxQueryModel.shipped().orElseThrow();
        double classifier = TrainQueryRouter.accuracy(model, heldOut);
        double router = TrainQueryRouter.accuracy(TrainedQueryRouter.shipped(), heldOut);
        assertTrue(classifier >= CLASSIFIER_FLOOR, "classifier held-out accuracy " + classifier);
        assertTrue(router >= ROUTER_FLOOR, "router held-out accuracy " + router);
    }

    @Test
    void rulesAloneAreAFallbackNotAReplacement() throws Exception {
        // Without weights the router still routes by its rules; it must stay useful (most questions right).
        List<Labelled> heldOut = QuestionSet.heldOut(QuestionSet.shipped());
        double rulesOnly = TrainQueryRouter.accuracy(
                new TrainedQueryRouter(Optional.empty(), TrainedQueryRouter.DEFAULT_MIN_CONFIDENCE), heldOut);
        assertTrue(rulesOnly >= 0.6, "rules-only held-out accuracy " + rulesOnly);
    }
}
