// The Hookline console: plain JavaScript over the admin API (docs/admin-api.md), nothing else.
// Everything from a delivery is shown with textContent, never parsed as HTML: payloads come from outside.
'use strict';

(function () {
    const api = new URL('../api/admin/', window.location.href);
    const OUTCOMES = ['PROCESSED', 'UNHANDLED', 'FAILED', 'DEAD', 'REJECTED'];
    const STATUSES = ['RECEIVED', 'PROCESSING', 'PROCESSED', 'UNHANDLED', 'FAILED', 'DEAD'];
    const REFRESH_MS = 5000;
    const $ = (id) => document.getElementById(id);

    let authorization = sessionStorage.getItem('hookline.authorization');
    let selected = null;
    let timer = null;

    class Unauthorized extends Error {}

    async function call(method, path, query) {
        const url = new URL(path, api);
        Object.entries(query || {}).forEach(([k, v]) => { if (v) url.searchParams.set(k, v); });
        const response = await fetch(url, {
            method,
            headers: {
                'Authorization': authorization || '',
                'X-Requested-With': 'XMLHttpRequest',
                'Accept': 'application/json'
            },
            cache: 'no-store'
        });
        if (response.status === 401 || response.status === 403) {
            throw new Unauthorized(response.status === 403 ? 'This user does not have the role hookline-admin.'
                : 'The user name or password is not right.');
        }
        // An application's own login (a form, say) answers with its login page instead: not the API.
        if (response.redirected || !(response.headers.get('Content-Type') || '').includes('json')) {
            throw new Unauthorized('Log in to the application first.');
        }
        const body = await response.json().catch(() => ({}));
        if (!response.ok) {
            throw new Error(body.detail || body.title || ('HTTP ' + response.status));
        }
        return body;
    }

    // ---- login ------------------------------------------------------------------------------------------------

    function showLogin(message) {
        stopRefresh();
        $('console').hidden = true;
        $('logout').hidden = true;
        $('who').hidden = true;
        $('login').hidden = false;
        $('login-error').textContent = message || '';
        $('user').focus();
    }

    async function showConsole() {
        $('login').hidden = true;
        $('console').hidden = false;
        $('logout').hidden = false;
        const user = sessionStorage.getItem('hookline.user');
        $('who').textContent = user ? 'Logged in as ' + user : '';
        $('who').hidden = !user;
        await refresh();
        startRefresh();
    }

    $('login').addEventListener('submit', async (event) => {
        event.preventDefault();
        const user = $('user').value;
        authorization = 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(user + ':' + $('password').value)));
        try {
            await call('GET', 'stats', {window: 'PT1M'});
        } catch (e) {
            authorization = null;
            $('password').value = '';
            showLogin(e.message);
            return;
        }
        sessionStorage.setItem('hookline.authorization', authorization);
        sessionStorage.setItem('hookline.user', user);
        $('password').value = '';
        showConsole();
    });

    $('logout').addEventListener('click', () => {
        sessionStorage.clear();
        authorization = null;
        showLogin();
    });

    // ---- refresh ----------------------------------------------------------------------------------------------

    function startRefresh() {
        stopRefresh();
        if ($('auto-refresh').checked) {
            timer = setInterval(() => refresh(), REFRESH_MS);
        }
    }

    function stopRefresh() {
        if (timer) {
            clearInterval(timer);
            timer = null;
        }
    }

    async function refresh() {
        try {
            const [stats, page] = await Promise.all([call('GET', 'stats', {window: 'PT1H'}), call('GET', 'deliveries', filters())]);
            renderTotals(stats);
            renderSources(stats);
            renderChart(stats.series);
            renderRows(page, false);
            if (selected) {
                await openDetail(selected, true);
            }
            $('status-line').textContent = 'Updated ' + new Date().toLocaleTimeString();
        } catch (e) {
            handle(e);
        }
    }

    function handle(e) {
        if (e instanceof Unauthorized) {
            sessionStorage.removeItem('hookline.authorization');
            authorization = null;
            showLogin(e.message);
        } else {
            $('status-line').textContent = e.message;
        }
    }

    function filters() {
        return {
            source: $('filter-source').value,
            type: $('filter-type').value.trim(),
            status: $('filter-status').value,
            limit: '50'
        };
    }

    $('filters').addEventListener('submit', (event) => {
        event.preventDefault();
        refresh();
    });
    ['filter-source', 'filter-status'].forEach(id => $(id).addEventListener('change', () => refresh()));
    $('auto-refresh').addEventListener('change', startRefresh);

    // ---- overview ---------------------------------------------------------------------------------------------

    function renderTotals(stats) {
        const totals = $('totals');
        totals.replaceChildren(...STATUSES.map(status => {
            const box = el('div', 'total');
            box.append(el('b', null, String(stats.byStatus[status] || 0)), el('span', null, status));
            return box;
        }));
    }

    function renderSources(stats) {
        const select = $('filter-source');
        const current = select.value;
        const names = Object.keys(stats.bySource);
        if (current && !names.includes(current)) {
            names.push(current);
        }
        const options = [new Option('all', '')].concat(names.sort().map(name => new Option(name, name)));
        select.replaceChildren(...options);
        select.value = current;
    }

    function renderChart(series) {
        const svg = $('chart');
        const ns = 'http://www.w3.org/2000/svg';
        const width = 640, height = 160, left = 34, bottom = 18, top = 8;
        const minutes = series.minutes.length;
        const stacks = series.minutes.map((_, i) => OUTCOMES.map(o => (series.counts[o] || [])[i] || 0));
        const received = series.counts.RECEIVED || [];
        const max = Math.max(1, ...stacks.map(s => s.reduce((a, b) => a + b, 0)), ...received);
        const scale = (height - bottom - top) / max;
        const barWidth = (width - left) / minutes;
        const nodes = [];
        const make = (tag, attrs, text) => {
            const node = document.createElementNS(ns, tag);
            Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
            if (text !== undefined) node.textContent = text;
            nodes.push(node);
            return node;
        };
        [0, max / 2, max].forEach(value => {
            const y = height - bottom - value * scale;
            make('line', {x1: left, x2: width, y1: y, y2: y, stroke: '#e3e7ee'});
            make('text', {x: left - 4, y: y + 3, 'text-anchor': 'end'}, String(Math.round(value)));
        });
        stacks.forEach((stack, i) => {
            let y = height - bottom;
            stack.forEach((count, o) => {
                if (count > 0) {
                    const h = count * scale;
                    y -= h;
                    const bar = make('rect', {x: left + i * barWidth + 1, y, width: Math.max(1, barWidth - 2), height: h,
                        fill: `var(--${OUTCOMES[o].toLowerCase()})`, 'data-outcome': OUTCOMES[o]});
                    bar.append(document.createElementNS(ns, 'title'));
                    bar.lastChild.textContent = `${count} ${OUTCOMES[o].toLowerCase()} at ${time(series.minutes[i])}`;
                }
            });
        });
        const points = received.map((count, i) => `${left + (i + .5) * barWidth},${height - bottom - count * scale}`);
        make('polyline', {points: points.join(' '), fill: 'none', stroke: 'var(--received)', 'stroke-width': 1.5});
        [0, Math.floor(minutes / 2), minutes - 1].forEach(i => make('text',
            {x: left + (i + .5) * barWidth, y: height - 4, 'text-anchor': 'middle'}, time(series.minutes[i])));
        svg.replaceChildren(...nodes);
        const legend = $('legend');
        legend.replaceChildren(...['RECEIVED'].concat(OUTCOMES).map(o => {
            const item = el('span');
            const swatch = el('i');
            swatch.style.background = `var(--${o.toLowerCase()})`;
            item.append(swatch, o === 'RECEIVED' ? 'received (line)' : o.toLowerCase());
            return item;
        }));
    }

    // ---- deliveries -------------------------------------------------------------------------------------------

    let next = null;

    function renderRows(page, append) {
        const body = $('deliveries').tBodies[0];
        const rows = page.items.map(d => {
            const row = el('tr');
            row.dataset.id = d.id;
            if (d.id === selected) row.classList.add('selected');
            const status = el('span', 'badge ' + d.status, d.status);
            const cells = [time(d.receivedAt, true), d.source, d.type || '—', status, String(d.attempts)];
            cells.forEach((value, i) => {
                const cell = el('td', ['received', 'source', 'type', 'status', 'attempts'][i]);
                cell.append(value);
                row.append(cell);
            });
            row.addEventListener('click', () => openDetail(d.id));
            return row;
        });
        if (append) {
            body.append(...rows);
        } else {
            body.replaceChildren(...rows);
        }
        next = page.next;
        $('more').hidden = !next;
    }

    $('more').addEventListener('click', async () => {
        try {
            renderRows(await call('GET', 'deliveries', Object.assign(filters(), {after: next})), true);
        } catch (e) {
            handle(e);
        }
    });

    async function openDetail(id, quietly) {
        let d;
        try {
            d = await call('GET', 'deliveries/' + encodeURIComponent(id));
        } catch (e) {
            if (!quietly) handle(e);
            return;
        }
        selected = id;
        document.querySelectorAll('#deliveries tbody tr').forEach(r => r.classList.toggle('selected', r.dataset.id === id));
        $('detail').hidden = false;
        $('detail').closest('.panes').classList.add('with-detail');
        $('detail-title').textContent = d.source + ' · ' + (d.type || 'no type');
        $('detail-id').textContent = d.id;
        $('detail-delivery-id').textContent = d.deliveryId;
        $('detail-status').replaceChildren(el('span', 'badge ' + d.status, d.status));
        $('detail-attempts').textContent = String(d.attempts);
        $('detail-received').textContent = new Date(d.receivedAt).toLocaleString();
        $('detail-last-attempt').textContent = d.lastAttemptAt ? new Date(d.lastAttemptAt).toLocaleString() : '—';
        $('detail-error').textContent = d.lastError || '—';
        $('replay').disabled = d.status === 'RECEIVED' || d.status === 'PROCESSING' || Boolean(d.payloadPurgedAt);
        $('detail-headers').tBodies[0].replaceChildren(...Object.entries(d.headers || {}).map(([name, values]) => {
            const row = el('tr');
            row.append(el('td', null, name), el('td', null, values.join(', ')));
            return row;
        }));
        if (d.payloadPurgedAt) {
            // Past its retention only the record that the delivery was received is kept: the id, to refuse replays.
            $('detail-body-note').textContent = 'purged ' + new Date(d.payloadPurgedAt).toLocaleString()
                + ' · SHA-256 ' + d.bodySha256;
            $('detail-body').textContent = '';
            return;
        }
        $('detail-body-note').textContent = d.bodyEncoding === 'base64'
            ? `(${d.bodySize} bytes, not UTF-8: base64)` : `(${d.bodySize} bytes)`;
        $('detail-body').textContent = pretty(d);
    }

    function pretty(d) {
        if (d.bodyEncoding !== 'text') {
            return d.body;
        }
        try {
            return JSON.stringify(JSON.parse(d.body), null, 2);
        } catch (notJson) {
            return d.body;
        }
    }

    $('close-detail').addEventListener('click', () => {
        selected = null;
        $('detail').hidden = true;
        $('detail').closest('.panes').classList.remove('with-detail');
        document.querySelectorAll('#deliveries tbody tr.selected').forEach(r => r.classList.remove('selected'));
    });

    $('replay').addEventListener('click', async () => {
        const id = selected;
        try {
            await call('POST', 'deliveries/' + encodeURIComponent(id) + '/replay');
            $('status-line').textContent = 'Replayed ' + id;
            setTimeout(() => refresh(), 300);
        } catch (e) {
            handle(e);
        }
    });

    $('replay-dead').addEventListener('click', async () => {
        const source = $('filter-source').value;
        if (!window.confirm('Replay every DEAD delivery of ' + (source || 'every source') + '?')) {
            return;
        }
        try {
            const answer = await call('POST', 'deliveries/replay', {status: 'DEAD', source});
            $('status-line').textContent = 'Replayed ' + answer.replayed + ' dead deliveries';
            refresh();
        } catch (e) {
            handle(e);
        }
    });

    // ---- helpers ----------------------------------------------------------------------------------------------

    function el(tag, className, text) {
        const node = document.createElement(tag);
        if (className) node.className = className;
        if (text !== undefined) node.textContent = text;
        return node;
    }

    function time(iso, seconds) {
        const options = seconds ? {hour: '2-digit', minute: '2-digit', second: '2-digit'} : {hour: '2-digit', minute: '2-digit'};
        return new Date(iso).toLocaleTimeString([], options);
    }

    if (authorization) {
        showConsole();
    } else {
        // The application that includes Hookline may have logged this browser in already (a session of its own).
        call('GET', 'stats', {window: 'PT1M'}).then(() => showConsole(), () => showLogin());
    }
})();
