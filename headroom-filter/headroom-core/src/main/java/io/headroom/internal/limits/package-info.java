/** Per-request bounds on the work the pipeline does: the cooperative compression {@link io.headroom.internal.limits.Deadline}. */
package io.headroom.internal.limits;
