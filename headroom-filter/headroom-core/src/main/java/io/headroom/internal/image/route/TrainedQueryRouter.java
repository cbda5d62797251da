package io.headroom.internal.image.route;

import io.headroom.internal.image.ImageQueryRouter;
import io.headroom.internal.image.ImageRegion;
import io.headroom.internal.image.ImageRoute;
import io.headroom.internal.image.ImageTechnique;
import java.util.Optional;

/**
 * The project's query router: a question that names a region ({@link NamedRegions}) is a {@code crop} of it; one
 * about fine detail ({@link KeywordRules}) keeps its pixels whatever the classifier says; otherwise the trained
 * classifier ({@link SoftmaxQueryModel}) decides when it is confident;
 * otherwise, or when its weights are missing, the {@link KeywordRules}; a question neither recognises keeps its
 * image ({@code preserve}). A {@code crop} the classifier or a rule picks without a named region carries
 * {@link ImageRegion#WHOLE}: the image's content must pick it ({@link BusiestRegion}).
 *
 * <p>Immutable and thread-safe; one instance serves every request. Never throws.
 */
public final class TrainedQueryRouter implements ImageQueryRouter {
    /** Below this probability the classifier's answer is not trusted and the rules decide. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;

    private final Optional<SoftmaxQueryModel> model;
    private final double minConfidence;

    public TrainedQueryRouter(Optional<SoftmaxQueryModel> model, double minConfidence) {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be within 0..1: " + minConfidence);
        }
        this.model = model;
        this.minConfidence = minConfidence;
    }

    /** The shipped weights with the default confidence floor; the rules alone if the weights cannot be read. */
    public static TrainedQueryRouter shipped() {
        return new TrainedQueryRouter(SoftmaxQueryModel.shipped(), DEFAULT_MIN_CONFIDENCE);
    }

    /** Whether the trained weights were loaded (false: rules only). */
    public boolean classifierLoaded() {
        return model.isPresent();
    }

    @Override
    public ImageRoute route(String question) {
        if (question == null || question.isBlank()) {
            return ImageRoute.preserve();
        }
        try {
            return decide(question);
        } catch (RuntimeException e) {
            return ImageRoute.preserve(); // never cut an image on an internal error
        }
    }

    private ImageRoute decide(String question) {
        Optional<ImageRegion> named = NamedRegions.named(question);
        if (named.isPresent()) {
            // A question that names where to look is answered by that part: whatever else it asks is there.
            return new ImageRoute(ImageTechnique.CROP, named.get(), 1);
        }
        Optional<ImageRoute> ruled = KeywordRules.route(question);
        if (ruled.isPresent() && ruled.get().technique() == ImageTechnique.PRESERVE) {
            // A question about fine detail keeps the pixels whatever the classifier says: cutting them loses the answer.
            return ruled.get();
        }
        SoftmaxQueryModel.Prediction prediction = model.map(m -> m.predict(question)).orElse(null);
        if (prediction != null && prediction.confidence() >= minConfidence) {
            return new ImageRoute(prediction.technique(), ImageRegion.WHOLE, prediction.confidence());
        }
        if (ruled.isPresent()) {
            return ruled.get();
        }
        return new ImageRoute(ImageTechnique.PRESERVE, ImageRegion.WHOLE,
                prediction == null ? 1 : prediction.confidence());
    }
}
