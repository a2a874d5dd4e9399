// The customer's help center page of kb: search as you type with highlighted snippets, a
// category filter, "Você quis dizer", an article view (#/artigos/<id>) with related articles,
// and a ticket form that suggests articles while the subject is typed.
//
// Plain JavaScript, no framework and no build step. The server sends
// `Content-Security-Policy: default-src 'self'`, so this file never uses eval, inline event
// handlers or style attributes: views are switched with the `hidden` attribute and classes.
// Everything that comes from the API is inserted as text, except the search snippet (see
// snippetFragment).
'use strict';

(() => {
  const PAGE_SIZE = 10;
  const SEARCH_DELAY_MS = 200;
  const SUGGEST_DELAY_MS = 300;
  const SUGGEST_LIMIT = 3;
  const SITE_TITLE = 'Central de Ajuda';

  const $ = (id) => document.getElementById(id);
  const el = {
    home: $('inicio'), searchForm: $('form-busca'), input: $('campo-busca'),
    status: $('status-busca'), didYouMean: $('voce-quis-dizer'), correction: $('correcao'),
    filters: $('filtro-categorias'), filterList: $('lista-categorias'), list: $('lista-resultados'),
    more: $('mais-resultados'), noResults: $('sem-resultados'),
    articleView: $('visao-artigo'), back: $('voltar'), articleStatus: $('status-artigo'),
    article: $('artigo'), articleCategory: $('artigo-categoria'), articleTitle: $('artigo-titulo'),
    articleMeta: $('artigo-meta'), articleBody: $('artigo-corpo'), articleTags: $('artigo-tags'),
    articleLink: $('artigo-link'), articleURL: $('artigo-url'),
    related: $('relacionados'), relatedList: $('lista-relacionados'),
    ticketHeading: $('titulo-chamado'), ticketForm: $('form-chamado'), subject: $('assunto'),
    description: $('descricao'), phone: $('telefone'), suggestions: $('sugestoes'),
    confirmation: $('confirmacao'),
  };

  // ---- Helpers ----

  /** Creates an element; `text` is always inserted as text, never as HTML. */
  function make(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /** Article ids contain slashes (`conta/redefinir-senha.html`): encode each segment. */
  const encodeId = (id) => id.split('/').map(encodeURIComponent).join('/');
  const articleHash = (id) => '#/artigos/' + encodeId(id);

  /**
   * The API's snippet is HTML-escaped text with <mark> around the matched words. It is parsed
   * as HTML (DOMParser runs no scripts) and only its text and <mark> elements are kept, so the
   * page stays safe even if the snippet ever carried other markup.
   */
  function snippetFragment(html) {
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    const fragment = document.createDocumentFragment();
    for (const node of parsed.body.childNodes) {
      fragment.append(node.nodeName === 'MARK'
        ? make('mark', null, node.textContent)
        : document.createTextNode(node.textContent));
    }
    return fragment;
  }

  /** GETs JSON; throws an Error carrying the HTTP `status` on an error response. */
  async function getJSON(url, signal) {
    const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error((body && body.error && body.error.message) || response.statusText);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  /**
   * Latest-only requests: a new request aborts the previous one, and a response (or error)
   * that arrives after a newer request started is ignored: `run` resolves to null then.
   */
  function latestOnly() {
    let controller = null;
    let generation = 0;
    return {
      async run(url) {
        if (controller) controller.abort();
        controller = new AbortController();
        const mine = ++generation;
        try {
          const data = await getJSON(url, controller.signal);
          return mine === generation ? data : null;
        } catch (error) {
          if (mine === generation && error.name !== 'AbortError') throw error;
          return null;
        }
      },
      cancel() {
        if (controller) controller.abort();
        generation++;
      },
    };
  }

  function debounce(fn, ms) {
    let timer;
    const debounced = () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
    debounced.cancel = () => clearTimeout(timer);
    return debounced;
  }

  const plural = (n, one, many) => (n === 1 ? one : many.replace('#', n.toLocaleString('pt-BR')));

  /** `2026-04-02` → `02/04/2026` (no Date: no time zone surprises). */
  function formatDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
  }

  // ---- Search ----

  const search = { query: '', category: null, facets: null, renderedFacets: null, shown: 0 };
  const searchRequests = latestOnly();

  function searchURL(query, category, offset) {
    const params = new URLSearchParams({ q: query, limit: String(PAGE_SIZE) });
    if (offset) params.set('offset', String(offset));
    if (category) params.set('category', category);
    return '/search?' + params;
  }

  /** Keeps the current search in the address (#/busca?q=...) so Back and reloads restore it. */
  function saveSearchInURL() {
    if (!el.articleView.hidden) return; // a late search must not replace an article's address
    const params = new URLSearchParams();
    if (search.query) params.set('q', search.query);
    if (search.category) params.set('categoria', search.category);
    const hash = search.query ? '#/busca?' + params : '';
    history.replaceState(null, '', location.pathname + location.search + hash);
  }

  function clearResults() {
    searchRequests.cancel();
    el.status.textContent = '';
    el.list.replaceChildren();
    el.list.removeAttribute('aria-busy');
    el.didYouMean.hidden = el.filters.hidden = el.more.hidden = el.noResults.hidden = true;
    search.shown = 0;
  }

  async function runSearch(query, { append = false } = {}) {
    if (query !== search.query) {
      search.category = null; // new words: the filter starts over with the new facets
      search.facets = null;
    }
    search.query = query;
    saveSearchInURL();
    if (!query) return clearResults();

    el.list.setAttribute('aria-busy', 'true');
    let data;
    try {
      data = await searchRequests.run(searchURL(query, search.category, append ? search.shown : 0));
    } catch (error) {
      clearResults();
      search.query = ''; // so that typing again retries
      el.status.textContent = 'Não foi possível pesquisar agora. Verifique sua conexão e tente novamente.';
      return;
    }
    if (!data) return; // a newer search is under way
    el.list.removeAttribute('aria-busy');
    renderResults(data, append);
  }

  function renderResults(data, append) {
    const hits = data.hits || [];
    if (!append) {
      el.list.replaceChildren();
      search.shown = 0;
    }
    const firstNew = hits.length ? resultItem(hits[0]) : null;
    if (firstNew) el.list.append(firstNew, ...hits.slice(1).map(resultItem));
    search.shown += hits.length;

    const quoted = `“${search.query}”` + (search.category ? ` em ${search.category}` : '');
    el.status.textContent = data.total > 0
      ? plural(data.total, 'Um artigo encontrado', '# artigos encontrados') + ` para ${quoted}.`
      : `Nenhum artigo encontrado para ${quoted}.`;
    el.noResults.hidden = data.total > 0;

    const suggestion = data.did_you_mean;
    el.didYouMean.hidden = !suggestion || suggestion === search.query;
    if (suggestion) el.correction.textContent = suggestion;

    if (data.facets && (!search.category || !search.facets)) search.facets = data.facets.category;
    renderFilters();
    el.more.hidden = hits.length === 0 || search.shown >= data.total;
    if (append && firstNew) firstNew.querySelector('a').focus();
  }

  function resultItem(hit) {
    const item = make('li', 'result');
    const heading = make('h3', 'result__title');
    const link = make('a', 'result__link', hit.title);
    link.href = articleHash(hit.id);
    heading.append(link);
    const snippet = make('p', 'result__snippet');
    snippet.append(hit.snippet ? snippetFragment(hit.snippet) : document.createTextNode(hit.summary || ''));
    item.append(heading, snippet);
    const meta = [hit.category, hit.product].filter(Boolean).join(' · ');
    if (meta) item.append(make('p', 'result__meta', meta));
    return item;
  }

  /** The category chips; rebuilt only when the facets change so that focus stays put. */
  function renderFilters() {
    const facets = search.facets || {};
    const names = Object.keys(facets).filter((name) => facets[name] > 0);
    el.filters.hidden = names.length === 0;
    if (search.renderedFacets !== search.facets) {
      search.renderedFacets = search.facets;
      names.sort((a, b) => facets[b] - facets[a] || a.localeCompare(b, 'pt-BR'));
      const total = names.reduce((sum, name) => sum + facets[name], 0);
      el.filterList.replaceChildren(chip('Todas', total, ''), ...names.map((name) => chip(name, facets[name], name)));
    }
    for (const button of el.filterList.children) {
      button.setAttribute('aria-pressed', String(button.dataset.category === (search.category || '')));
    }
  }

  function chip(label, count, category) {
    const button = make('button', 'chip', label);
    button.type = 'button';
    button.dataset.category = category;
    const badge = make('span', 'chip__count', String(count));
    badge.append(make('span', 'visually-hidden', count === 1 ? ' artigo' : ' artigos'));
    button.append(' ', badge);
    return button;
  }

  const resultLinks = () => Array.from(el.list.querySelectorAll('.result__link'));

  // ---- Article view ----

  const articleRequests = latestOnly();
  const relatedRequests = latestOnly();

  async function showArticle(id) {
    if (!el.home.hidden) homeScroll = window.scrollY;
    el.home.hidden = true;
    el.articleView.hidden = false;
    el.article.hidden = el.related.hidden = true;
    el.articleStatus.textContent = 'Carregando o artigo…';
    window.scrollTo(0, 0);

    const path = '/articles/' + encodeId(id);
    const related = relatedRequests.run(path + '/related').catch(() => null);
    let article;
    try {
      article = await articleRequests.run(path);
    } catch (error) {
      el.articleStatus.textContent = error.status === 404
        ? 'Artigo não encontrado. Ele pode ter sido removido ou renomeado.'
        : 'Não foi possível abrir o artigo agora. Tente novamente em instantes.';
      return;
    }
    if (!article) return;
    renderArticle(article);
    el.articleStatus.textContent = '';
    el.articleTitle.focus();

    const relatedData = await related;
    if (relatedData) renderRelated(relatedData.hits || [], id);
  }

  function renderArticle(article) {
    document.title = `${article.title} · ${SITE_TITLE}`;
    el.articleCategory.textContent = [article.category, article.product].filter(Boolean).join(' · ');
    el.articleTitle.textContent = article.title;
    const updated = formatDate(article.updated);
    el.articleMeta.textContent = updated ? `Atualizado em ${updated}` : '';

    // One block per line of the plain-text body; lines that are headings become <h2>.
    const headings = new Set(article.headings || []);
    const lines = (article.body || '').split('\n').map((line) => line.trim()).filter(Boolean);
    if (lines[0] === article.title) lines.shift();
    el.articleBody.replaceChildren(...lines.map((line) => make(headings.has(line) ? 'h2' : 'p', null, line)));

    el.articleTags.replaceChildren(...(article.tags || []).map((tag) => make('li', 'tag', tag)));
    const url = article.url || '';
    el.articleLink.hidden = !/^https?:\/\//i.test(url); // never a javascript: URL
    if (!el.articleLink.hidden) el.articleURL.href = url;
    el.article.hidden = false;
  }

  function renderRelated(hits, currentId) {
    const items = hits.filter((hit) => hit.id !== currentId).map((hit) => {
      const item = make('li', 'related__item');
      const link = make('a', null, hit.title);
      link.href = articleHash(hit.id);
      item.append(link);
      if (hit.category) item.append(make('span', 'related__meta', hit.category));
      return item;
    });
    el.relatedList.replaceChildren(...items);
    el.related.hidden = items.length === 0;
  }

  // ---- Routing: #/ (home), #/busca?q=..., #/chamado, #/artigos/<id> ----

  let inAppNavigations = 0;
  let opener = null; // the link of the home view that opened the article shown
  let homeScroll = 0;

  function showHome() {
    const wasArticle = !el.articleView.hidden;
    el.articleView.hidden = true;
    el.home.hidden = false;
    document.title = SITE_TITLE;
    if (!wasArticle) return;
    // Back from an article: where the customer was, focus on the link they followed.
    window.scrollTo(0, homeScroll);
    if (opener && opener.isConnected) opener.focus({ preventScroll: true });
  }

  function focusTicketForm() {
    el.ticketHeading.scrollIntoView({ block: 'start' });
    el.ticketHeading.focus({ preventScroll: true });
  }

  function route() {
    const hash = location.hash;
    if (!hash.startsWith('#/')) return; // in-page anchors (skip link) keep the current view
    const match = /^#\/artigos\/(.+)$/.exec(hash);
    if (match) {
      let id;
      try {
        id = match[1].split('/').map(decodeURIComponent).join('/');
      } catch (error) {
        id = match[1];
      }
      showArticle(id);
      return;
    }
    showHome();
    if (hash === '#/chamado') focusTicketForm();
  }

  // ---- Ticket form ----

  const suggestRequests = latestOnly();
  let shownSuggestions = '';

  async function updateSuggestions() {
    const subject = el.subject.value.trim();
    let hits = [];
    if (subject.length >= 3) {
      const params = new URLSearchParams({ subject, limit: String(SUGGEST_LIMIT) });
      const description = el.description.value.trim().slice(0, 500);
      if (description) params.set('description', description);
      let data;
      try {
        data = await suggestRequests.run('/suggest?' + params);
      } catch (error) {
        return; // suggestions are a bonus: keep the form quiet when they fail
      }
      if (!data) return;
      hits = data.hits || [];
    } else {
      suggestRequests.cancel();
    }
    renderSuggestions(hits);
  }

  /** Shows the suggestion box only when there is something to suggest (no empty box). */
  function renderSuggestions(hits) {
    const key = hits.map((hit) => hit.id).join('\n');
    if (key === shownSuggestions) return; // same articles: do not re-announce them
    shownSuggestions = key;
    if (!hits.length) return el.suggestions.replaceChildren();
    const box = make('div', 'suggestions');
    const list = make('ul', 'suggestions__list');
    for (const hit of hits) {
      const item = make('li', 'suggestions__item');
      const link = make('a', null, hit.title);
      link.href = articleHash(hit.id);
      item.append(link);
      if (hit.summary) item.append(make('p', 'suggestions__summary', hit.summary));
      list.append(item);
    }
    box.append(make('h3', 'suggestions__title', 'Estes artigos podem resolver seu problema'), list);
    el.suggestions.replaceChildren(box);
  }

  function setFieldError(field, message) {
    const error = $('erro-' + field.id);
    error.textContent = message;
    error.hidden = !message;
    if (message) field.setAttribute('aria-invalid', 'true');
    else field.removeAttribute('aria-invalid');
    return !message;
  }

  function validateTicket() {
    const phoneDigits = el.phone.value.replace(/\D/g, '').length;
    const phoneOK = !el.phone.value.trim() || (/^[\d\s()+.-]+$/.test(el.phone.value) && phoneDigits >= 10 && phoneDigits <= 13);
    const checks = [
      [el.subject, el.subject.value.trim() ? '' : 'Informe o assunto do chamado.'],
      [el.description, el.description.value.trim() ? '' : 'Descreva o problema para que possamos ajudar.'],
      [el.phone, phoneOK ? '' : 'Informe o telefone com DDD, por exemplo (11) 91234-5678.'],
    ];
    const invalid = checks.filter(([field, message]) => !setFieldError(field, message));
    if (invalid.length) invalid[0][0].focus();
    return invalid.length === 0;
  }

  function submitTicket(event) {
    event.preventDefault();
    if (!validateTicket()) return;
    // kb has no ticket backend: this page only confirms. A portal that embeds it would send the
    // ticket to its help desk (Zoho Desk, Zendesk, Movidesk...) here.
    const again = make('button', 'button button--secondary', 'Abrir outro chamado');
    again.type = 'button';
    again.addEventListener('click', () => {
      el.ticketForm.reset();
      renderSuggestions([]);
      el.confirmation.hidden = true;
      el.ticketForm.hidden = false;
      el.subject.focus();
    });
    el.confirmation.replaceChildren(
      make('p', 'confirmation__title', 'Obrigado! Recebemos o seu chamado.'),
      make('p', null, `Assunto: ${el.subject.value.trim()}. Nossa equipe vai responder pelo portal em breve.`),
      again,
    );
    el.ticketForm.hidden = true;
    el.confirmation.hidden = false;
    el.confirmation.focus();
  }

  // ---- Wiring ----

  const searchLater = debounce(() => {
    const query = el.input.value.trim();
    if (query !== search.query) runSearch(query);
  }, SEARCH_DELAY_MS);
  el.input.addEventListener('input', searchLater);
  el.searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    searchLater.cancel();
    runSearch(el.input.value.trim());
  });
  el.correction.addEventListener('click', () => {
    el.input.value = el.correction.textContent;
    el.input.focus();
    runSearch(el.input.value);
  });
  el.filterList.addEventListener('click', (event) => {
    const button = event.target.closest('.chip');
    if (!button) return;
    search.category = button.dataset.category || null;
    runSearch(search.query);
  });
  el.more.addEventListener('click', () => runSearch(search.query, { append: true }));

  // Keyboard: ↓ from the search box into the results, ↑/↓ through them, Enter opens (a link),
  // Esc back to the search box.
  el.input.addEventListener('keydown', (event) => {
    const first = resultLinks()[0];
    if (event.key === 'ArrowDown' && first) {
      event.preventDefault();
      first.focus();
    }
  });
  el.list.addEventListener('keydown', (event) => {
    const links = resultLinks();
    const index = links.indexOf(document.activeElement);
    if (index < 0) return;
    let target = null;
    if (event.key === 'ArrowDown') target = links[index + 1] || (el.more.hidden ? null : el.more);
    else if (event.key === 'ArrowUp') target = index > 0 ? links[index - 1] : el.input;
    else if (event.key === 'Escape') target = el.input;
    if (!target) return;
    event.preventDefault();
    target.focus();
  });

  el.back.addEventListener('click', () => {
    if (inAppNavigations > 0) history.back();
    else location.hash = '#/';
  });
  document.addEventListener('click', (event) => {
    const articleLink = event.target.closest('a[href^="#/artigos/"]');
    if (articleLink && !el.home.hidden) opener = articleLink;
    // "Abrir chamado" while already at #/chamado: no hashchange, so focus the form directly.
    const link = event.target.closest('a[href="#/chamado"]');
    if (link && location.hash === '#/chamado') {
      event.preventDefault();
      focusTicketForm();
    }
  });
  window.addEventListener('hashchange', () => {
    inAppNavigations++;
    route();
  });

  const suggestLater = debounce(updateSuggestions, SUGGEST_DELAY_MS);
  el.subject.addEventListener('input', () => { setFieldError(el.subject, ''); suggestLater(); });
  el.description.addEventListener('input', () => { setFieldError(el.description, ''); suggestLater(); });
  el.phone.addEventListener('input', () => setFieldError(el.phone, ''));
  el.ticketForm.addEventListener('submit', submitTicket);

  // Start: restore a search kept in the address, then show the right view.
  const saved = /^#\/busca\?(.*)$/.exec(location.hash);
  if (saved) {
    const params = new URLSearchParams(saved[1]);
    el.input.value = params.get('q') || '';
    search.query = el.input.value.trim();
    search.category = params.get('categoria');
    runSearch(search.query);
  }
  route();
})();
