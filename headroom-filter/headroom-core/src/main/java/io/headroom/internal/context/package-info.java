/**
 * Context-window management: fitting a conversation into its token budget (the request's
 * {@code token_budget}, else the model's context limit minus the output buffer) by dropping whole
 * units of it — never a system prompt, never the last N turns, never half of a tool call — with
 * {@link io.headroom.internal.context.RollingWindow} (oldest first) or
 * {@link io.headroom.internal.context.IntelligentContext} (least important first). What is dropped is kept
 * in CCR as one entry and a note with its hash takes its place. Entry point:
 * {@link io.headroom.internal.context.ContextManager}.
 */
package io.headroom.internal.context;
