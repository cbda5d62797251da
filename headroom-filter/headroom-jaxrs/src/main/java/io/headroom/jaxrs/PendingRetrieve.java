package io.headroom.jaxrs;

import io.headroom.host.retrieve.RetrieveLoop;

/** What the request filter leaves for the response side of an exchange that offers the headroom_retrieve tool. */
record PendingRetrieve(RetrieveLoop loop, SelfCall selfCall) {
}
