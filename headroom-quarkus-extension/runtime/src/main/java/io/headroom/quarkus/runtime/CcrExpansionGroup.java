package io.headroom.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The Context Tracker's proactive expansion ({@code io.headroom.CcrConfig} {@code ccr.expansion.*}). Unset keys
 * take the core's defaults.
 */
public interface CcrExpansionGroup {

    /**
     * Whether items of originals compressed earlier in a conversation that match a new user message (BM25)
     * are added to that message before the model asks for them.
     */
    @ConfigDocDefault("true")
    Optional<Boolean> enabled();

    /** BM25 score a dropped item must reach against the new user message to be expanded. */
    @ConfigDocDefault("1.5")
    OptionalDouble minScore();

    /** Tokens one proactive expansion may add to a request; the best-matching items first. */
    @ConfigDocDefault("2000")
    OptionalInt maxTokens();

    /**
     * Conversations the Context Tracker remembers (hashes and dropped-item positions only, no content); the
     * least recently seen is forgotten first.
     */
    @ConfigDocDefault("1000")
    OptionalInt maxConversations();
}
