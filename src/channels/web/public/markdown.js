// The small markdown subset klikbot writes (the same that Teams shows): **bold**, *italic* or
// _italic_, `code`, ``` blocks ```, "- " bullets, [links](https://…) and line breaks.
// Built as DOM nodes from text, never from HTML strings, so a reply cannot inject markup.

const inlinePattern =
  /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\*[^*\s][^*\n]*\*)|((?<![\p{L}\p{N}_])_[^_\s][^_\n]*_(?![\p{L}\p{N}_]))|(\[[^\]\n]+\]\((?:https?:\/\/|mailto:)[^)\s]+\))/gu;

/** Appends `text` to `parent` with inline formatting applied. */
function appendInline(parent, text) {
  let last = 0;
  for (const match of text.matchAll(inlinePattern)) {
    const token = match[0];
    if (match.index > last) parent.append(text.slice(last, match.index));
    last = match.index + token.length;
    if (match[1]) {
      const code = document.createElement('code');
      code.textContent = token.slice(1, -1);
      parent.append(code);
    } else if (match[2]) {
      const strong = document.createElement('strong');
      appendInline(strong, token.slice(2, -2));
      parent.append(strong);
    } else if (match[3] || match[4]) {
      const em = document.createElement('em');
      appendInline(em, token.slice(1, -1));
      parent.append(em);
    } else {
      const split = token.indexOf('](');
      const link = document.createElement('a');
      link.href = token.slice(split + 2, -1);
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = token.slice(1, split);
      parent.append(link);
    }
  }
  if (last < text.length) parent.append(text.slice(last));
}

/** Appends ordinary lines: bullets become a list, other lines are kept with their breaks. */
function appendLines(parent, lines) {
  let list = null;
  let needsBreak = false;
  for (const line of lines) {
    const bullet = /^\s*[-•]\s+(.*)$/.exec(line);
    if (bullet) {
      if (!list) {
        list = document.createElement('ul');
        parent.append(list);
      }
      const item = document.createElement('li');
      appendInline(item, bullet[1]);
      list.append(item);
      needsBreak = false;
      continue;
    }
    if (list && line.trim() === '') continue;
    if (needsBreak) parent.append(document.createElement('br'));
    list = null;
    appendInline(parent, line);
    needsBreak = true;
  }
}

/** Renders klikbot's markdown into a fragment of safe DOM nodes. */
export function renderMarkdown(text) {
  const fragment = document.createDocumentFragment();
  const parts = String(text)
    .replace(/\r\n?/g, '\n')
    .split(/^```[^\n]*\n?/m);
  parts.forEach((part, index) => {
    // odd parts sit between a pair of fences
    if (index % 2 === 1) {
      const pre = document.createElement('pre');
      const code = document.createElement('code');
      code.textContent = part.replace(/\n$/, '');
      pre.append(code);
      fragment.append(pre);
      return;
    }
    const lines = part.split('\n');
    if (index > 0 && lines[0] === '') lines.shift();
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    appendLines(fragment, lines);
  });
  return fragment;
}

/** The same rendering as an HTML string, for the card renderer's markdown hook. */
export function markdownToHtml(text) {
  const holder = document.createElement('div');
  holder.append(renderMarkdown(text));
  return holder.innerHTML;
}
