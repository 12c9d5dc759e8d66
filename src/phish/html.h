// SPDX-License-Identifier: Apache-2.0
// parse_html(): what an HTML e-mail body (or an HTML attachment) links to and what it shows.
// gumbo (Google's HTML5 parser, Debian libgumbo) builds the tree exactly as a browser would,
// decodes character references and repairs broken markup; uriparser resolves links against
// <base href> (RFC 3986 section 5). Written here by hand, because no library does it: the walk
// over gumbo's tree (iterative, so a deep tree cannot exhaust the stack; gumbo allocates from an
// arena freed in a loop, because gumbo_destroy_output() recurses), a rough tag scan that cuts
// absurdly nested documents before gumbo sees them (its tree builder is quadratic in nesting
// depth: 2 MB of "<b><i>" took over a minute), the inline-style test for hidden elements (only
// the few declarations that hide outright; no CSS engine), the meta-refresh `content` split
// (HTML's "shared declarative refresh steps") and the plain-text URL finder (find_text_urls).
//
// Nothing is rendered, fetched or executed. Limits (HtmlLimits) bound the work on hostile input;
// each one that is hit leaves a note in HtmlDoc::notes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sw::phish {

enum class LinkKind {
  kAnchor,   // <a href>
  kArea,     // <area href> (image maps)
  kForm,     // <form action> (url is "" when the form has no action: it posts to the page)
  kIframe,   // <iframe src>, <frame src>
  kRefresh,  // <meta http-equiv="refresh" content="0; url=...">
  kImage,    // <img src> (remote images: tracking pixels, logos)
  kText,     // a URL written in plain text (find_text_urls)
};

std::string_view link_kind_name(LinkKind k);

struct Link {
  LinkKind kind = LinkKind::kAnchor;
  std::string url;        // the attribute as written (trimmed), resolved against <base href> if any
  std::string text;       // anchors: the visible text inside (whitespace collapsed, character
                          // references decoded, zero-width characters dropped); area, image: alt
  std::string image_alt;  // anchors: the alt text of an image inside (shown when images are off)
  std::string title;      // the title attribute (shown as a tooltip)
  bool hidden = false;    // inside an element hidden by an inline style or the `hidden` attribute
  // Forms only.
  std::string method;         // lower-cased, "get" when not written
  bool has_password = false;  // an <input type=password> inside
  bool has_email = false;     // an <input type=email>, or a text input named like e-mail/user
  int inputs = 0;             // visible input fields (not hidden/submit/button)
};

// Bounds on hostile input (each one, when hit, leaves a note).
struct HtmlLimits {
  size_t max_input_bytes = 2u << 20;         // the document is cut here before parsing
  size_t max_depth = 4'096;                  // estimated element nesting; the document is cut there
  uint64_t max_nesting_work = 30'000'000;    // sum of nesting depth over start tags (gumbo's
                                             // time grows with it); the document is cut there
  size_t max_nodes = 200'000;                // elements and text nodes visited
  size_t max_links = 2'000;                  // links kept (in document order)
  size_t max_text_bytes = 256u << 10;        // visible_text kept
  size_t max_link_text_bytes = 1'024;        // Link::text / Link::title kept per link
  size_t max_hidden_text_bytes = 64u << 10;  // hidden_text kept
};

struct HtmlDoc {
  std::vector<Link> links;   // document order
  std::string title;         // <title>, collapsed
  std::string base;          // <base href> as written ("" when none)
  std::string visible_text;  // text a reader sees: no script/style/head/template/hidden
                             // elements; one '\n' per block, spaces collapsed; capped
  std::string hidden_text;   // text inside hidden elements (display:none, visibility:hidden,
                             // font-size:0, opacity:0, the `hidden` attribute); collapsed, capped
  size_t hidden_text_chars = 0;  // bytes of text in hidden elements (before the cap)
  int scripts = 0;               // <script> elements
  int event_handlers = 0;        // on* attributes (onclick, onload, onerror, ...)
  int forms = 0;                 // <form> elements
  int password_inputs = 0;       // <input type=password> anywhere (also outside a form)
  int iframes = 0;               // <iframe>, <frame>, <object>, <embed>
  int images = 0;                // <img> with a src
  size_t zero_width_chars = 0;   // invisible characters (U+200B..D, U+2060, U+FEFF, soft
                                 // hyphen) dropped from the text: used to split words so that
                                 // filters do not see them ("Pay\u200bPal")
  size_t nodes = 0;              // elements and text nodes visited
  bool truncated = false;        // a limit was hit (see notes)
  std::vector<std::string> notes;
};

// Parses `html` (UTF-8 expected; invalid bytes become U+FFFD as in a browser). Never fails:
// anything is some HTML document.
HtmlDoc parse_html(std::string_view html, const HtmlLimits& limits = {});

// URLs written in plain text: "scheme://..." for http, https and ftp (any case), and bare
// "www.host..." (returned as written, without a scheme). The end of a URL is whitespace, a
// control character, one of < > " ` or a non-ASCII quote; trailing . , ; : ! ? ' * are dropped, and
// a closing ) ] } only when it has no opening partner inside the URL. At most `max_urls` are
// returned (in text order, duplicates kept); kind is LinkKind::kText.
std::vector<Link> find_text_urls(std::string_view text, size_t max_urls = 2'000);

// The `url=` part of a meta refresh `content` ("5; URL='http://x'" -> "http://x"), "" when none.
std::string refresh_url(std::string_view content);

// Resolves `ref` against `base` (RFC 3986 section 5, uriparser). Returns `ref` unchanged when
// either does not parse or `base` is not absolute.
std::string resolve_url(std::string_view base, std::string_view ref);

}  // namespace sw::phish
