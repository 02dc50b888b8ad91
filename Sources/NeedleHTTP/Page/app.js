// The Needle search page: suggestions as you type, search results, answers and articles,
// from the gateway's JSON routes. No build step, no dependencies.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("search-form"), input = $("q"), list = $("suggestions"), go = $("go");
  const statusBox = $("status"), results = $("results"), articleBox = $("article");
  // Short enough to keep keystroke → suggestions under 50 ms, long enough to skip the
  // requests of a burst of keys typed at once (a paste, a fast typist).
  const SUGGEST_DELAY_MS = 15;
  const SURE = 0.8, UNSURE = 0.5;

  let suggestTimer = 0, suggestAbort = null, suggestions = [], active = -1, lastSearch = null;

  const mode = () => form.elements.mode.value;
  const kind = () => form.elements.kind.value;

  function element(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, props);
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  async function getJSON(path, params, signal) {
    const query = params ? "?" + new URLSearchParams(params).toString() : "";
    const response = await fetch(path + query, { signal, headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!body.ok) throw new Error(body.error ? body.error.message : `request failed (${response.status})`);
    return body;
  }

  // Snippets mark each match as [match]; the text is never parsed as HTML.
  function highlighted(text) {
    const fragment = document.createDocumentFragment();
    const pattern = /\[([^\[\]]*)\]/g;
    let last = 0, match;
    while ((match = pattern.exec(text))) {
      fragment.append(text.slice(last, match.index), element("mark", { textContent: match[1] }));
      last = pattern.lastIndex;
    }
    fragment.append(text.slice(last));
    return fragment;
  }

  // ---- Suggestions: an ARIA combobox ----

  function scheduleSuggest() {
    clearTimeout(suggestTimer);
    if (mode() !== "search") return closeList();
    suggestTimer = setTimeout(suggest, SUGGEST_DELAY_MS);
  }

  async function suggest() {
    const typed = input.value;
    if (suggestAbort) suggestAbort.abort();
    if (!typed.trim()) return closeList();
    const abort = (suggestAbort = new AbortController());
    try {
      const reply = await getJSON("/suggest", { q: typed, limit: 8 }, abort.signal);
      if (abort === suggestAbort && input.value === typed) showSuggestions(typed, reply.suggestions);
    } catch (error) {
      if (error.name !== "AbortError") closeList();
    }
  }

  function showSuggestions(typed, found) {
    suggestions = found;
    active = -1;
    list.replaceChildren(...found.map((suggestion, index) => {
      const via = suggestion.matched.toLowerCase() !== suggestion.text.toLowerCase()
        ? element("span", { className: "via", textContent: ` “${suggestion.matched}”` }) : null;
      const option = element("li", { id: `suggestion-${index}` },
        element("span", {}, suggestion.text, via), element("span", { className: "kind", textContent: suggestion.kind }));
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.addEventListener("pointerdown", (event) => { event.preventDefault(); pick(index); });
      return option;
    }));
    list.dataset.query = typed;
    list.hidden = found.length === 0;
    input.setAttribute("aria-expanded", String(!list.hidden));
    input.removeAttribute("aria-activedescendant");
  }

  function closeList() {
    list.hidden = true;
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function highlightOption(index) {
    active = index;
    [...list.children].forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", `suggestion-${index}`);
      list.children[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function pick(index) {
    input.value = suggestions[index].text;
    closeList();
    run();
  }

  input.addEventListener("input", scheduleSuggest);
  input.addEventListener("blur", () => setTimeout(closeList, 0));
  input.addEventListener("keydown", (event) => {
    const count = list.hidden ? 0 : suggestions.length;
    if (event.key === "ArrowDown" && suggestions.length) {
      event.preventDefault();
      if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
      highlightOption((active + 1) % suggestions.length);
    } else if (event.key === "ArrowUp" && count) {
      event.preventDefault();
      highlightOption(active <= 0 ? count - 1 : active - 1);
    } else if (event.key === "Enter" && count && active >= 0) {
      event.preventDefault();
      pick(active);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      closeList();
    }
  });

  // ---- Search and ask ----

  function run() {
    clearTimeout(suggestTimer);
    if (suggestAbort) suggestAbort.abort();
    closeList();
    const typed = input.value.trim();
    const params = new URLSearchParams();
    if (typed) params.set("q", typed);
    if (mode() !== "search") params.set("mode", mode());
    if (kind()) params.set("kind", kind());
    history.replaceState(null, "", params.toString() ? `/?${params}` : "/");
    showResultsView();
    if (!typed) { statusBox.replaceChildren(); results.replaceChildren(); return; }
    (mode() === "ask" ? ask(typed) : search(typed)).catch((error) => {
      statusBox.replaceChildren(element("p", { className: "notice", textContent: `Sorry, that did not work: ${error.message}` }));
      results.replaceChildren();
    });
  }

  function filterParams(params) {
    if (kind()) params.kind = kind();
    return params;
  }

  async function search(typed) {
    const reply = await getJSON("/search", filterParams({ q: typed, limit: 10 }));
    lastSearch = typed;
    const count = reply.total === 1 ? "1 article" : `${reply.total} articles`;
    statusBox.replaceChildren(...readings(reply), element("p", { id: "count", textContent: count }));
    results.replaceChildren(...reply.hits.map((hit) => element("div", { className: "hit" },
      element("h2", {}, articleLink(hit.slug, hit.title), " ", element("span", { className: "kind", textContent: hit.kind })),
      hit.section ? element("div", { className: "section", textContent: hit.section }) : null,
      element("p", {}, highlighted(hit.snippet)))));
  }

  async function ask(question) {
    const reply = await getJSON("/ask", filterParams({ q: question, limit: 3 }));
    lastSearch = question;
    const best = reply.answers.length ? reply.answers[0].confidence : 0;
    const notes = readings(reply);
    if (best < UNSURE) {
      const slugs = new Set();
      const see = (reply.suggestions.length ? reply.suggestions : reply.answers)
        .filter((article) => !slugs.has(article.slug) && slugs.add(article.slug));
      const unsure = element("div", { className: "unsure", id: "unsure" },
        reply.answers.length ? "Not sure: no passage clearly answers this question. " : "Not sure: Needle found no answer to this question. ");
      if (see.length) {
        unsure.append("Perhaps see ");
        see.slice(0, 4).forEach((article, i) => unsure.append(i ? ", " : "", articleLink(article.slug, article.title)));
        unsure.append(".");
      }
      notes.push(unsure);
    }
    statusBox.replaceChildren(...notes);
    // When unsure, only the best guess is shown, under the warning; otherwise the answers worth reading.
    const shown = best < UNSURE ? reply.answers.slice(0, 1) : reply.answers.filter((answer) => answer.confidence >= UNSURE);
    results.replaceChildren(...shown
      .map((answer) => element("div", { className: "answer" },
        element("h2", { textContent: answer.section || answer.title }),
        element("p", { textContent: answer.text }),
        element("div", { className: "source" }, "From ", articleLink(answer.slug, answer.title),
          answer.section ? ` — ${answer.section}` : ""),
        confidence(answer.confidence))));
  }

  function confidence(value) {
    const meter = element("meter", { min: 0, max: 1, low: UNSURE, high: SURE, optimum: 1, value });
    const words = value >= SURE ? "sure" : value >= UNSURE ? "fairly sure" : "not sure";
    return element("div", { className: "confidence" }, meter, `confidence ${Math.round(value * 100)}% (${words})`);
  }

  // "Read pci as Microneedling" and "Did you mean …?" for a search or ask reply.
  function readings(reply) {
    const notes = [];
    if (reply.did_you_mean) {
      const fix = element("button", { type: "button", className: "link", textContent: reply.did_you_mean });
      fix.addEventListener("click", () => { input.value = reply.did_you_mean; run(); });
      notes.push(reply.corrected
        ? element("p", { className: "notice", id: "did-you-mean" }, "Showing results for ", element("strong", { textContent: reply.did_you_mean }))
        : element("p", { className: "notice", id: "did-you-mean" }, "Did you mean ", fix, "?"));
    }
    const seen = new Set();
    const read = (reply.interpreted_as || []).filter((reading) => {
      const key = `${reading.term}→${reading.concept}`.toLowerCase();
      if (reading.term.toLowerCase() === reading.concept.toLowerCase() || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (read.length) {
      const line = element("p", { id: "interpretation" });
      read.forEach((reading, i) => line.append(i ? "; " : "", "Read ", element("strong", { textContent: `“${reading.term}”` }),
        " as ", element("strong", { textContent: reading.concept }), reading.ambiguous ? " (and others)" : ""));
      notes.push(line);
    }
    return notes;
  }

  // ---- Articles ----

  function articleLink(slug, title) {
    return element("a", { href: `#/article/${encodeURIComponent(slug)}`, textContent: title });
  }

  function showResultsView() {
    articleBox.hidden = true;
    statusBox.hidden = results.hidden = false;
  }

  async function showArticle(slug) {
    const article = await getJSON(`/articles/${encodeURIComponent(slug)}`);
    const back = element("a", { href: "#", textContent: lastSearch ? "← Back to results" : "← Back" });
    back.addEventListener("click", (event) => { event.preventDefault(); history.replaceState(null, "", location.pathname + location.search); showResultsView(); });
    const body = [back, element("h2", { textContent: article.title }), element("span", { className: "kind", textContent: article.kind })];
    if (article.aliases.length) body.push(element("p", { className: "section", textContent: `Also called ${article.aliases.join(", ")}.` }));
    for (const passage of article.passages) {
      if (passage.heading) body.push(element(passage.level > 2 ? "h4" : "h3", { textContent: passage.heading }));
      body.push(element("p", { textContent: passage.text }));
    }
    articleBox.replaceChildren(...body);
    statusBox.hidden = results.hidden = true;
    articleBox.hidden = false;
    window.scrollTo(0, 0);
  }

  function route() {
    const match = location.hash.match(/^#\/article\/(.+)$/);
    if (!match) return showResultsView();
    showArticle(decodeURIComponent(match[1])).catch((error) => {
      articleBox.replaceChildren(element("p", { className: "notice", textContent: `Sorry, that article could not be read: ${error.message}` }));
      articleBox.hidden = false;
    });
  }

  // ---- Wiring ----

  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  for (const radio of form.elements.kind) radio.addEventListener("change", () => { if (input.value.trim()) run(); });
  for (const radio of form.elements.mode) {
    radio.addEventListener("change", () => {
      const asking = mode() === "ask";
      go.textContent = asking ? "Ask" : "Search";
      input.placeholder = asking ? "How long is skin red after microneedling?" : "microneedling, dark spots, PCI…";
      closeList();
      if (input.value.trim()) run();
    });
  }
  window.addEventListener("hashchange", route);

  const start = new URLSearchParams(location.search);
  if (start.get("mode") === "ask") { form.elements.mode.value = "ask"; go.textContent = "Ask"; }
  if (start.get("kind")) form.elements.kind.value = start.get("kind");
  if (start.get("q")) input.value = start.get("q");
  if (location.hash.startsWith("#/article/")) route();
  else if (input.value) run();
})();
