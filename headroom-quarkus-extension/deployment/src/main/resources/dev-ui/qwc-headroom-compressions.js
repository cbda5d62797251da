import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';
import '@vaadin/button';
import '@vaadin/icon';

/**
 * Headroom's Dev UI page: totals since start and the last compressions, refreshed every few seconds
 * while the page is open.
 */
export class QwcHeadroomCompressions extends LitElement {
    jsonRpc = new JsonRpc(this);

    static REFRESH_MILLIS = 3000;

    static styles = css`
        :host {
            display: flex;
            flex-direction: column;
            gap: 10px;
            padding: 10px;
            height: 100%;
        }
        .totals {
            display: flex;
            flex-wrap: wrap;
            gap: 24px;
            align-items: baseline;
        }
        .figure {
            display: flex;
            flex-direction: column;
        }
        .value {
            font-size: var(--lumo-font-size-xl);
            font-weight: bold;
        }
        .label {
            color: var(--lumo-secondary-text-color);
            font-size: var(--lumo-font-size-s);
        }
        .failed {
            color: var(--lumo-error-text-color);
        }
        .compressions {
            height: 100%;
        }
        code {
            font-size: var(--lumo-font-size-xs);
        }`;

    static properties = {
        _stats: { state: true },
        _recent: { state: true }
    };

    connectedCallback() {
        super.connectedCallback();
        this._refresh();
        this._timer = setInterval(() => this._refresh(), QwcHeadroomCompressions.REFRESH_MILLIS);
    }

    disconnectedCallback() {
        clearInterval(this._timer);
        super.disconnectedCallback();
    }

    _refresh() {
        this.jsonRpc.getStats().then(response => { this._stats = response.result; });
        this.jsonRpc.getRecentCompressions().then(response => { this._recent = response.result; });
    }

    render() {
        if (!this._stats || !this._recent) {
            return html`<span>Loading Headroom statistics...</span>`;
        }
        return html`${this._renderTotals()}${this._renderRecent()}`;
    }

    _renderTotals() {
        const s = this._stats;
        return html`<div class="totals">
            ${this._figure(s.requests, 'requests')}
            ${this._figure(s.compressedRequests, 'compressed')}
            ${this._figure(s.tokensSaved, `tokens saved (${s.savedPercent}%)`)}
            ${this._figure(s.failedOpen, 'failed open', s.failedOpen > 0 ? 'failed' : '')}
            ${this._figure(s.ccrEntries, 'CCR originals held')}
            ${this._figure(s.mode, 'mode')}
            <vaadin-button theme="small" @click=${() => this._refresh()}>
                <vaadin-icon icon="font-awesome-solid:rotate"></vaadin-icon> Refresh
            </vaadin-button>
        </div>`;
    }

    _figure(value, label, cls = '') {
        const shown = typeof value === 'number' ? value.toLocaleString() : value;
        return html`<div class="figure"><span class="value ${cls}">${shown}</span><span class="label">${label}</span></div>`;
    }

    _renderRecent() {
        if (this._recent.length === 0) {
            return html`<span>No compressions yet: send an LLM request with a large tool output to
                ${this._stats.mode === 'passthrough' ? 'an application in optimize or audit mode' : 'this application'}.</span>`;
        }
        return html`<vaadin-grid .items="${this._recent}" class="compressions" theme="no-border row-stripes">
            <vaadin-grid-column auto-width header="Time" path="time" resizable></vaadin-grid-column>
            <vaadin-grid-column auto-width header="Endpoint" path="endpoint" resizable></vaadin-grid-column>
            <vaadin-grid-column auto-width header="Mode" path="mode"></vaadin-grid-column>
            <vaadin-grid-column auto-width header="Tokens before" path="tokensBefore" text-align="end"></vaadin-grid-column>
            <vaadin-grid-column auto-width header="Tokens after" path="tokensAfter" text-align="end"></vaadin-grid-column>
            <vaadin-grid-column auto-width header="Saved" path="tokensSaved" text-align="end"></vaadin-grid-column>
            <vaadin-grid-column auto-width header="ms" path="elapsedMillis" text-align="end"></vaadin-grid-column>
            <vaadin-grid-column auto-width header="Transforms" resizable
                ${columnBodyRenderer(this._transformsRenderer, [])}></vaadin-grid-column>
        </vaadin-grid>`;
    }

    _transformsRenderer(entry) {
        const more = entry.transformCount - entry.transforms.length;
        return html`<code>${entry.transforms.join(', ')}${more > 0 ? ` and ${more} more` : ''}</code>`;
    }
}
customElements.define('qwc-headroom-compressions', QwcHeadroomCompressions);
