package io.headroom.quarkus.deployment;

import io.headroom.quarkus.runtime.devui.HeadroomJsonRpcService;
import io.headroom.quarkus.runtime.devui.RecentCompressions;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Headroom card of the Dev UI (dev mode only): requests, tokens saved, failures and the last
 * compressions, read live from the running application.
 */
class HeadroomDevUiProcessor {

    /** Feeds the card's "last compressions" list; a plain listener bean, so Headroom picks it up. */
    @BuildStep(onlyIf = {IsLocalDevelopment.class, HeadroomEnabled.class})
    AdditionalBeanBuildItem recentCompressions() {
        return AdditionalBeanBuildItem.unremovableOf(RecentCompressions.class);
    }

    @BuildStep(onlyIf = {IsLocalDevelopment.class, HeadroomEnabled.class})
    JsonRPCProvidersBuildItem jsonRpcService() {
        return new JsonRPCProvidersBuildItem(HeadroomJsonRpcService.class);
    }

    @BuildStep(onlyIf = {IsLocalDevelopment.class, HeadroomEnabled.class})
    CardPageBuildItem card() {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.webComponentPageBuilder()
                .title("Compressions")
                .icon("font-awesome-solid:compress")
                .componentLink("qwc-headroom-compressions.js")
                .dynamicLabelJsonRPCMethodName("getTokensSavedLabel"));
        return card;
    }
}
