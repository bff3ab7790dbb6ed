// Curated hostile texts for the browser test of review rendering (test/reviews-hostile.test.ts).
// Every payload that could run script, if it ever ran, sets `window.__kithPwned` or adds an
// element carrying `data-kith-pwned`: the test looks for both. Texts that the schema refuses
// (U+0000, a lone surrogate, a body over 5,000 characters) are expected to get a 400 and are not
// published.

/** The global a payload sets if it ever runs. */
export const PWNED_FLAG = '__kithPwned';
/** The attribute of the marker element a payload creates if it is ever parsed as HTML. */
export const PWNED_MARKER = 'data-kith-pwned';

/** Sets the flag (as JavaScript source). */
const RUN = `window.${PWNED_FLAG}=1`;
/** A marker element (as HTML source). */
const MARK = `<i ${PWNED_MARKER}>x</i>`;

export interface HostileVector {
  /** What it tries, for the failure messages. */
  name: string;
  text: string;
  /** The schema refuses it: the server answers 400 `validation` and nothing is stored. */
  refused?: true;
}

const v = (name: string, text: string): HostileVector => ({ name, text });

/** The longest body a review may have. */
export const MAX_BODY = 5000;

export const HOSTILE_VECTORS: readonly HostileVector[] = [
  // Script elements and event handlers.
  v('script tag', `<script>${RUN}</script>`),
  v('script tag, upper case', `<SCRIPT>${RUN}</SCRIPT>`),
  v('script with src', `<script src="data:text/javascript,${RUN}"></script>`),
  v('img onerror', `<img src=x onerror="${RUN}">`),
  v('img onerror, no quotes', `<img src=x onerror=${RUN}>`),
  v('svg onload', `<svg onload="${RUN}"></svg>`),
  v('svg script', `<svg><script>${RUN}</script></svg>`),
  v('body onload', `<body onload="${RUN}">`),
  v('details ontoggle', `<details open ontoggle="${RUN}">`),
  v('input autofocus onfocus', `<input autofocus onfocus="${RUN}">`),
  v('video source onerror', `<video><source onerror="${RUN}"></video>`),
  v('marker element', MARK),
  v('closing the title', `</h3>${MARK}<h3>`),
  v('closing a textarea', `</textarea>${MARK}`),
  v('closing a style', `</style>${MARK}<style>`),
  v('attribute breakout', `"><img src=x onerror="${RUN}">`),
  v('single-quote breakout', `'><img src=x onerror='${RUN}'>`),
  v('comment breakout', `--><img src=x onerror="${RUN}"><!--`),
  // URLs.
  v('javascript: link', `<a href="javascript:${RUN}">click</a>`),
  v('javascript: URL alone', `javascript:${RUN}`),
  v('JaVaScRiPt with entities', `<a href="jav&#x09;ascript:${RUN}">x</a>`),
  v('data: URL', `data:text/html,<script>${RUN}</script>`),
  v('data: iframe', `<iframe src="data:text/html,<script>parent.${RUN}</script>"></iframe>`),
  v('iframe srcdoc', `<iframe srcdoc="<script>parent.${RUN}</script>"></iframe>`),
  v('object data', `<object data="javascript:${RUN}"></object>`),
  v('embed', `<embed src="javascript:${RUN}">`),
  v('meta refresh', `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`),
  v('base href', `<base href="javascript:${RUN}//">`),
  v('form action', `<form action="javascript:${RUN}"><button>go</button></form>`),
  // SVG and MathML tricks.
  v('svg animate href', `<svg><a><animate attributeName="href" values="javascript:${RUN}"/><text y="20">x</text></a></svg>`),
  v('svg foreignObject', `<svg><foreignObject><img src=x onerror="${RUN}"></foreignObject></svg>`),
  v('mathml maction', `<math><maction actiontype="statusline" href="javascript:${RUN}">x</maction></math>`),
  v('mathml mglyph namespace confusion', `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}">`),
  v('svg style namespace confusion', `<svg></p><style><a id="</style><img src=x onerror=${RUN}>">`),
  v('noscript mutation', `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`),
  // Templates and parsers of other kinds.
  v('template element', `<template><img src=x onerror="${RUN}"></template>${MARK}`),
  v('template literal', '${' + RUN + '}'),
  v('nested template literal', '`${`${' + RUN + '}`}`'),
  v('angular / vue expression', `{{constructor.constructor('${RUN}')()}}`),
  v('ERB / EJS', `<%= ${RUN} %>`),
  v('Jinja / Liquid', `{% if 1 %}${MARK}{% endif %}{{ 7*7 }}`),
  v('Lit marker comment', '<!--?lit$123456789$-->'),
  v('Lit marker text', 'lit$123456789$ and ?lit$123456789$'),
  v('Lit bound attribute', `<img src$lit$="x" onerror$lit$="${RUN}">`),
  v('HTML entities', '&lt;script&gt;&#x3C;/script&gt; &amp; &quot; &#0;'),
  v('CSS expression', `<div style="background:url(javascript:${RUN})">x</div>`),
  v('JSON breakout', `"}]}</script><script>${RUN}</script>`),
  // Text that changes layout or reading order.
  v('right-to-left override', '\u202Egnp.exe\u202C harmless.txt'),
  v('isolates', '\u2066left-to-right isolate\u2069 \u2067right-to-left isolate\u2069 \u2068first strong\u2069'),
  v('unbalanced bidi embedding', '\u202B\u202B\u202Aunclosed embeddings'),
  v('Arabic and Hebrew', 'مرحبا بالعالم שלום עולם 123'),
  v('zero-width characters', 'a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf'),
  v('emoji ZWJ sequences', '👩‍👩‍👧‍👦 🏳️‍🌈 🧑🏽‍🚀 🇺🇳 ❤️‍🔥'),
  v('combining marks (Zalgo)', 'Z̸̢̛̛̛a̸̡͙͔̭l̴̡̛͓̣̳g̵̢̛̺̪o̴̧̰̺̥'),
  v('CRLF and tabs', 'line one\r\nline two\r\n\tindented\rcarriage'),
  v('C0 and C1 controls', 'bell\u0007 escape\u001B[31m nel\u0085 del\u007F'),
  v('noncharacters', 'a\uFFFEb\uFFFFc'),
  v('long word', 'W'.repeat(MAX_BODY)),
  v('long URL without breaks', `https://example.com/${'a'.repeat(2000)}?q=${'b'.repeat(1000)}`),
  // The schema refuses these: a 400, nothing stored.
  { name: 'U+0000', text: `nul\u0000${MARK}`, refused: true },
  { name: 'lone surrogate', text: 'half \uD83D pair', refused: true },
  { name: '20,000-character word', text: 'X'.repeat(20_000), refused: true },
];
