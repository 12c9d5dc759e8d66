// SPDX-License-Identifier: Apache-2.0
// parse_html(): gumbo parses (HTML5 tree construction, character references, broken markup),
// uriparser resolves against <base href>; the arena for gumbo's memory, the nesting pre-scan,
// the tree walk, the hidden-style test, the meta-refresh split and the plain-text URL finder are
// written here (see html.h for why).
#include "phish/html.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <memory>

#include <gumbo.h>

#include <uriparser/Uri.h>

#include "core/ascii.h"
#include "core/host.h"

namespace sw::phish {
namespace {

// ---- gumbo's memory ---------------------------------------------------------------------------
// gumbo 0.10's gumbo_destroy_output() frees the tree recursively: a few hundred thousand nested
// elements (well inside the input cap) overflow the stack. So gumbo allocates from this arena,
// and the whole parse is freed at once, never by gumbo. Small allocations (nodes, attributes,
// token text: most of gumbo's) come from 64 KB chunks and their frees are no-ops, which also
// spares a malloc/free pair per node (a quarter of the CPU of a message otherwise); large ones
// (growing string buffers, big vectors) are malloc'ed and freed individually, so garbage stays
// bounded by the small allocations of one parse (a few times the 2 MB input cap at worst).
class GumboArena {
  struct alignas(std::max_align_t) Prefix {
    size_t big;  // 1: a separately malloc'ed block (linked below), 0: inside a chunk
  };
  struct alignas(std::max_align_t) Big {
    Big* prev;
    Big* next;
  };
  static constexpr size_t kChunk = 64u << 10;
  static constexpr size_t kBig = 4u << 10;
  static constexpr size_t kAlign = alignof(std::max_align_t);

 public:
  GumboArena() { big_.prev = big_.next = &big_; }
  ~GumboArena() {
    for (void* c : chunks_)
      std::free(c);  // NOLINT(cppcoreguidelines-no-malloc): gumbo's C allocator
    Big* b = big_.next;
    while (b != &big_) {
      Big* next = b->next;
      std::free(b);  // NOLINT
      b = next;
    }
  }
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;

  static void* allocate(void* self, size_t n) {
    auto* a = static_cast<GumboArena*>(self);
    // gumbo does not check for NULL; neither does its default (malloc).
    if (n > kBig) {
      auto* b = static_cast<Big*>(std::malloc(sizeof(Big) + sizeof(Prefix) + n));  // NOLINT
      if (b == nullptr) std::abort();
      b->prev = &a->big_;
      b->next = a->big_.next;
      a->big_.next->prev = b;
      a->big_.next = b;
      auto* pre = reinterpret_cast<Prefix*>(b + 1);
      pre->big = 1;
      return pre + 1;
    }
    size_t need = sizeof(Prefix) + (n + kAlign - 1) / kAlign * kAlign;
    if (need > a->left_) {
      a->cur_ = static_cast<char*>(std::malloc(kChunk));  // NOLINT
      if (a->cur_ == nullptr) std::abort();
      a->chunks_.push_back(a->cur_);
      a->left_ = kChunk;
    }
    auto* pre = reinterpret_cast<Prefix*>(a->cur_);
    pre->big = 0;
    a->cur_ += need;
    a->left_ -= need;
    return pre + 1;
  }
  static void deallocate(void* /*self*/, void* p) {
    if (p == nullptr) return;
    Prefix* pre = static_cast<Prefix*>(p) - 1;
    if (pre->big == 0) return;  // freed with its chunk
    Big* b = reinterpret_cast<Big*>(pre) - 1;
    b->prev->next = b->next;
    b->next->prev = b->prev;
    std::free(b);  // NOLINT
  }

 private:
  std::vector<void*> chunks_;
  char* cur_ = nullptr;
  size_t left_ = 0;
  Big big_{};
};

// ---- small text helpers ------------------------------------------------------------------------

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

bool ieq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) {
      return false;
    }
  }
  return true;
}

// Drops an incomplete UTF-8 sequence at the end (left by a byte cap).
void trim_partial_utf8(std::string& s) {
  size_t i = s.size();
  size_t back = 0;
  while (i > 0 && back < 4 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) {
    --i;
    ++back;
  }
  if (i == 0) return;
  auto lead = static_cast<unsigned char>(s[i - 1]);
  size_t need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  if (lead >= 0x80 && back < need) s.resize(i - 1);
}

// Appends `text` to `out` with whitespace collapsed to one space (no space at the start of a
// line), no-break spaces treated as spaces and invisible formatting characters (zero-width
// space/joiners, word joiner, BOM, soft hyphen) dropped. Stops at `cap` bytes; returns false
// when it had to stop. `dropped` counts the invisible characters removed.
bool append_collapsed(std::string& out, std::string_view text, size_t cap, size_t& dropped) {
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool space = is_space(c);
    size_t skip = 0;  // extra bytes of a multi-byte character consumed here
    if (c == 0xC2 && i + 1 < text.size()) {
      auto d = static_cast<unsigned char>(text[i + 1]);
      if (d == 0xA0)
        space = true, skip = 1;  // U+00A0 no-break space
      else if (d == 0xAD)
        ++dropped, skip = 1;  // U+00AD soft hyphen
    } else if (c == 0xE2 && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x80) {
      auto d = static_cast<unsigned char>(text[i + 2]);
      if (d >= 0x8B && d <= 0x8D)
        ++dropped, skip = 2;  // U+200B..U+200D zero width
      else if (d == 0xAF || (d >= 0x80 && d <= 0x8A))
        space = true, skip = 2;  // U+2000..200A, 202F
    } else if (c == 0xE2 && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x81 &&
               static_cast<unsigned char>(text[i + 2]) == 0xA0) {
      ++dropped, skip = 2;  // U+2060 word joiner
    } else if (c == 0xEF && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0xBB &&
               static_cast<unsigned char>(text[i + 2]) == 0xBF) {
      ++dropped, skip = 2;  // U+FEFF
    }
    if (skip > 0 && !space) {
      i += skip;
      continue;
    }
    if (space) {
      i += skip;
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') {
        if (out.size() >= cap) return false;
        out += ' ';
      }
      continue;
    }
    if (out.size() >= cap) {
      trim_partial_utf8(out);
      return false;
    }
    out += static_cast<char>(c);
  }
  return true;
}

void end_line(std::string& out) {
  if (out.empty() || out.back() == '\n') return;
  if (out.back() == ' ') {
    out.back() = '\n';
  } else {
    out += '\n';
  }
}

void trim_collapsed(std::string& s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
  size_t start = 0;
  while (start < s.size() && (s[start] == ' ' || s[start] == '\n')) ++start;
  s.erase(0, start);
}

// ---- element helpers ---------------------------------------------------------------------------

const char* attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a != nullptr ? a->value : nullptr;
}

std::string attr_str(const GumboElement& e, const char* name) {
  const char* v = attr(e, name);
  return v != nullptr ? std::string(trim(v)) : std::string();
}

// An inline style that hides the element outright. Only declarations that need no layout:
// display:none, visibility:hidden, font-size:0, opacity:0, max-height:0/height:0 with
// overflow:hidden, mso-hide:all (Outlook's own). Colour tricks would need a CSS engine: skipped.
bool style_hides(std::string_view style) {
  std::string s;
  s.reserve(style.size());
  for (char c : style) {
    if (!is_space(static_cast<unsigned char>(c))) {
      s += ascii_lower(c);
    }
  }
  auto has = [&](std::string_view d) { return s.find(d) != std::string::npos; };
  // The value after `prop:` is zero ("0", "0px", "0.0em", "0%"), not "0.5px".
  auto zero = [&](std::string_view prop) {
    for (size_t p = s.find(prop); p != std::string::npos; p = s.find(prop, p + 1)) {
      if (p > 0 && s[p - 1] != ';' && s[p - 1] != '{' && s[p - 1] != '"') continue;
      size_t i = p + prop.size();
      bool digit = false;
      bool nonzero = false;
      while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) != 0 || s[i] == '.')) {
        if (s[i] != '0' && s[i] != '.') nonzero = true;
        digit = digit || std::isdigit(static_cast<unsigned char>(s[i])) != 0;
        ++i;
      }
      if (digit && !nonzero) return true;
    }
    return false;
  };
  if (has("display:none") || has("visibility:hidden") || has("mso-hide:all")) return true;
  if (zero("font-size:") || zero("opacity:")) return true;
  return has("overflow:hidden") && (zero("max-height:") || zero("height:"));
}

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

// Text under these is never shown.
bool is_invisible(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

bool is_remote(std::string_view url) {
  return starts_with_ci(url, "http:") || starts_with_ci(url, "https:") || starts_with_ci(url, "//");
}

struct Ctx {
  bool hidden = false;     // inside an element hidden by style / attribute
  bool invisible = false;  // inside script/style/head/...
  bool in_title = false;
  int anchor = -1;  // index of the enclosing <a>/<area> link, -1 when none
};

struct Frame {
  const GumboNode* node;
  unsigned next_child;
  Ctx ctx;
};

class Walker {
 public:
  Walker(HtmlDoc& doc, const HtmlLimits& lim) : doc_(doc), lim_(lim) {}

  void run(const GumboNode* root) {
    std::vector<Frame> stack;
    stack.push_back({root, 0, Ctx{}});
    if (root->type == GUMBO_NODE_ELEMENT) open(stack.back());
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboVector& kids = f.node->type == GUMBO_NODE_DOCUMENT ? f.node->v.document.children
                                                                    : f.node->v.element.children;
      if (f.next_child >= kids.length) {
        close(f);
        stack.pop_back();
        continue;
      }
      const auto* child = static_cast<const GumboNode*>(kids.data[f.next_child++]);
      if (++doc_.nodes > lim_.max_nodes) {
        note_once(node_cap_noted_, "the HTML has more than " + std::to_string(lim_.max_nodes) +
                                       " elements; only the first ones were examined");
        break;
      }
      Ctx ctx = f.ctx;
      switch (child->type) {
        case GUMBO_NODE_ELEMENT:
          stack.push_back({child, 0, ctx});
          open(stack.back());
          break;
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
          text(child->v.text.text, ctx);
          break;
        default:  // comments; <template> content is inert
          break;
      }
    }
  }

  size_t zero_width = 0;

 private:
  void note_once(bool& flag, std::string msg) {
    if (flag) return;
    flag = true;
    doc_.truncated = true;
    doc_.notes.push_back(std::move(msg));
  }

  int add_link(Link link) {
    if (doc_.links.size() >= lim_.max_links) {
      note_once(link_cap_noted_, "the HTML has more than " + std::to_string(lim_.max_links) +
                                     " links; only the first ones were examined");
      return -1;
    }
    if (link.url.size() > 8192) link.url.resize(8192);  // a URL longer is noise, not an address
    doc_.links.push_back(std::move(link));
    return static_cast<int>(doc_.links.size()) - 1;
  }

  void text(const char* t, const Ctx& ctx) {
    std::string_view s(t);
    if (ctx.in_title) {
      (void)append_collapsed(doc_.title, s, lim_.max_link_text_bytes, zero_width);
      return;
    }
    if (ctx.invisible) return;
    if (ctx.hidden) {
      doc_.hidden_text_chars += trim(s).size();
      if (!doc_.hidden_text.empty() && doc_.hidden_text.back() != ' ' &&
          doc_.hidden_text.size() < lim_.max_hidden_text_bytes)
        doc_.hidden_text += ' ';
      (void)append_collapsed(doc_.hidden_text, s, lim_.max_hidden_text_bytes, zero_width);
      return;
    }
    if (!append_collapsed(doc_.visible_text, s, lim_.max_text_bytes, zero_width)) {
      note_once(text_cap_noted_, "the visible text is longer than " +
                                     std::to_string(lim_.max_text_bytes) +
                                     " bytes; only the start was kept");
    }
    if (ctx.anchor >= 0) {
      size_t ignored = 0;
      (void)append_collapsed(doc_.links[static_cast<size_t>(ctx.anchor)].text, s,
                             lim_.max_link_text_bytes, ignored);
    }
  }

  void open(Frame& f) {
    const GumboElement& e = f.node->v.element;
    Ctx& ctx = f.ctx;
    // One pass over the attributes: event handlers, `hidden`, and the first `style` (the one
    // gumbo_get_attribute() would return).
    bool hidden_attr = false;
    const char* style = nullptr;
    for (unsigned i = 0; i < e.attributes.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
      std::string_view n(a->name);
      if (n.size() > 2 && (n[0] == 'o' || n[0] == 'O') && (n[1] == 'n' || n[1] == 'N')) {
        ++doc_.event_handlers;
      } else if (n.size() == 6 && !hidden_attr && ieq(n, "hidden")) {
        hidden_attr = true;
      } else if (n.size() == 5 && style == nullptr && ieq(n, "style")) {
        style = a->value;
      }
    }
    if (hidden_attr) ctx.hidden = true;
    if (style != nullptr && style_hides(style)) ctx.hidden = true;
    if (is_invisible(e.tag)) ctx.invisible = true;
    if (is_block(e.tag) && !ctx.invisible && !ctx.hidden) end_line(doc_.visible_text);
    if ((e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) && !doc_.visible_text.empty() &&
        doc_.visible_text.back() != ' ' && doc_.visible_text.back() != '\n') {
      doc_.visible_text += ' ';
    }

    switch (e.tag) {
      case GUMBO_TAG_A:
      case GUMBO_TAG_AREA: {
        const char* href = attr(e, "href");
        if (href == nullptr) href = attr(e, "xlink:href");
        if (href == nullptr) break;
        Link l;
        l.kind = e.tag == GUMBO_TAG_A ? LinkKind::kAnchor : LinkKind::kArea;
        l.url = std::string(trim(href));
        l.title = capped(attr_str(e, "title"));
        l.hidden = ctx.hidden;
        if (e.tag == GUMBO_TAG_AREA) l.text = capped(attr_str(e, "alt"));
        int idx = add_link(std::move(l));
        if (idx >= 0 && e.tag == GUMBO_TAG_A) ctx.anchor = idx;
        break;
      }
      case GUMBO_TAG_FORM: {
        ++doc_.forms;
        Link l;
        l.kind = LinkKind::kForm;
        l.url = attr_str(e, "action");
        l.method = ascii_lower(attr_str(e, "method"));
        if (l.method.empty()) l.method = "get";
        l.hidden = ctx.hidden;
        form_ = add_link(std::move(l));
        break;
      }
      case GUMBO_TAG_INPUT:
      case GUMBO_TAG_TEXTAREA:
        input(e);
        break;
      case GUMBO_TAG_IFRAME:
      case GUMBO_TAG_FRAME:
      case GUMBO_TAG_OBJECT:
      case GUMBO_TAG_EMBED: {
        ++doc_.iframes;
        std::string src = attr_str(e, e.tag == GUMBO_TAG_OBJECT ? "data" : "src");
        if (src.empty()) break;
        Link l;
        l.kind = LinkKind::kIframe;
        l.url = std::move(src);
        l.hidden = ctx.hidden;
        (void)add_link(std::move(l));
        break;
      }
      case GUMBO_TAG_META: {
        if (ascii_lower(attr_str(e, "http-equiv")) != "refresh") break;
        std::string url = refresh_url(attr_str(e, "content"));
        if (url.empty()) break;
        Link l;
        l.kind = LinkKind::kRefresh;
        l.url = std::move(url);
        (void)add_link(std::move(l));
        break;
      }
      case GUMBO_TAG_IMG: {
        std::string src = attr_str(e, "src");
        if (src.empty()) break;
        ++doc_.images;
        std::string alt = capped(attr_str(e, "alt"));
        if (ctx.anchor >= 0 && !ctx.hidden) {
          auto& a = doc_.links[static_cast<size_t>(ctx.anchor)];
          if (!alt.empty()) a.image_alt = alt;
        }
        if (!is_remote(src)) break;  // cid:, data: images are inside the message
        Link l;
        l.kind = LinkKind::kImage;
        l.url = std::move(src);
        l.text = std::move(alt);
        l.hidden = ctx.hidden;
        (void)add_link(std::move(l));
        break;
      }
      case GUMBO_TAG_BASE:
        if (doc_.base.empty()) doc_.base = attr_str(e, "href");
        break;
      case GUMBO_TAG_SCRIPT:
        ++doc_.scripts;
        break;
      case GUMBO_TAG_TITLE:
        if (doc_.title.empty()) ctx.in_title = true;
        break;
      default:
        break;
    }
  }

  void close(const Frame& f) {
    if (f.node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& e = f.node->v.element;
    if (is_block(e.tag) && !f.ctx.invisible && !f.ctx.hidden) end_line(doc_.visible_text);
  }

  void input(const GumboElement& e) {
    std::string type = e.tag == GUMBO_TAG_TEXTAREA ? "textarea" : ascii_lower(attr_str(e, "type"));
    if (type.empty()) type = "text";
    if (type == "password") ++doc_.password_inputs;
    if (form_ < 0) return;
    // The form an input belongs to is the last one opened (HTML's "form element pointer");
    // gumbo does not expose form owners, and forms in broken tables leave their inputs outside.
    Link& f = doc_.links[static_cast<size_t>(form_)];
    if (type == "hidden" || type == "submit" || type == "button" || type == "image" ||
        type == "reset") {
      return;
    }
    ++f.inputs;
    if (type == "password") f.has_password = true;
    std::string names = ascii_lower(attr_str(e, "name") + " " + attr_str(e, "id") + " " +
                                    attr_str(e, "placeholder") + " " + attr_str(e, "autocomplete"));
    if (type == "email" ||
        ((type == "text" || type == "textarea") &&
         (names.find("mail") != std::string::npos || names.find("user") != std::string::npos ||
          names.find("login") != std::string::npos))) {
      f.has_email = true;
    }
  }

  std::string capped(std::string s) const {
    if (s.size() > lim_.max_link_text_bytes) {
      s.resize(lim_.max_link_text_bytes);
      trim_partial_utf8(s);
    }
    return s;
  }

  HtmlDoc& doc_;
  const HtmlLimits& lim_;
  int form_ = -1;
  bool node_cap_noted_ = false;
  bool link_cap_noted_ = false;
  bool text_cap_noted_ = false;
};

// ---- nesting pre-scan --------------------------------------------------------------------------
// gumbo's tree construction scans the stack of open elements (scope checks, the list of active
// formatting elements) for many start tags, so its time grows with depth x tags: 200 KB of
// "<b><i>" takes 0.7 s, 2 MB over a minute. Before gumbo runs, a rough tag scan estimates the
// nesting (void elements, raw-text elements, comments and the implicit closing of p/li/td/...
// are followed; an end tag closes the nearest matching open tag among the top 16) and cuts the
// document where the estimate passes max_depth or the summed depth passes max_nesting_work.
// Written by hand: no library offers a bounded-cost pre-check, and it only decides where to cut.

// `low` is a lower-cased tag name.
bool in_list(std::string_view low, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), low) != list.end();
}

// The length of the prefix of `h` to parse; `why` is set when it is shorter than `h`.
size_t nesting_cut(std::string_view h, size_t max_depth, uint64_t max_work, std::string& why) {
  std::vector<std::string_view> open;
  uint64_t work = 0;
  size_t i = 0;
  auto name_at = [&](size_t p) {
    size_t e = p;
    while (e < h.size() && (std::isalnum(static_cast<unsigned char>(h[e])) != 0 || h[e] == '-' ||
                            h[e] == ':' || h[e] == '_')) {
      ++e;
    }
    return h.substr(p, e - p);
  };
  auto skip_to_gt = [&](size_t p) {
    size_t g = h.find('>', p);
    return g == std::string_view::npos ? h.size() : g + 1;
  };
  while (true) {
    size_t lt = h.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= h.size()) return h.size();
    char c = h[lt + 1];
    if (h.substr(lt, 4) == "<!--") {
      size_t e = h.find("-->", lt + 4);
      if (e == std::string_view::npos) return h.size();
      i = e + 3;
    } else if (c == '!' || c == '?') {
      i = skip_to_gt(lt + 2);
    } else if (c == '/') {
      std::string_view name = name_at(lt + 2);
      size_t stop = open.size() > 16 ? open.size() - 16 : 0;
      for (size_t k = open.size(); k > stop; --k) {
        if (ieq(open[k - 1], name)) {
          open.resize(k - 1);
          break;
        }
      }
      i = skip_to_gt(lt + 2);
    } else if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
      std::string_view name = name_at(lt + 1);
      i = skip_to_gt(lt + 1);
      // Lower-cased once for the lists below; a name longer than any of them matches none.
      char buf[12];
      std::string_view low;
      if (name.size() <= sizeof buf) {
        for (size_t k = 0; k < name.size(); ++k) buf[k] = ascii_lower(name[k]);
        low = std::string_view(buf, name.size());
      }
      if (in_list(low, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                        "param", "source", "track", "wbr", "keygen", "image", "basefont", "bgsound",
                        "frame"})) {
        continue;
      }
      if (low == "plaintext") return h.size();
      if (in_list(low, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                        "noframes"})) {
        // Raw text up to the matching end tag.
        size_t p = i;
        while (true) {
          size_t e = h.find("</", p);
          if (e == std::string_view::npos) return h.size();
          if (ieq(name_at(e + 2), name)) {
            i = skip_to_gt(e + 2);
            break;
          }
          p = e + 2;
        }
        continue;
      }
      if (in_list(low, {"p", "li", "dd", "dt", "option", "optgroup", "tr", "td", "th", "tbody",
                        "thead", "tfoot", "rb", "rt", "rp"})) {
        size_t stop = open.size() > 4 ? open.size() - 4 : 0;
        for (size_t k = open.size(); k > stop; --k) {
          if (ieq(open[k - 1], name)) {
            open.resize(k - 1);
            break;
          }
        }
      }
      open.push_back(name);
      work += open.size();
      if (open.size() > max_depth) {
        why = "the HTML nests elements more than " + std::to_string(max_depth) +
              " levels deep; the rest of it was not examined";
        return lt;
      }
      if (work > max_work) {
        why =
            "the HTML nests elements so deeply that parsing it all would take too long; the "
            "rest of it was not examined";
        return lt;
      }
    } else {
      i = lt + 1;
    }
  }
}

struct UriHolder {
  UriUriA uri{};
  bool ok = false;
  ~UriHolder() {
    if (ok) uriFreeUriMembersA(&uri);
  }
};

}  // namespace

std::string_view link_kind_name(LinkKind k) {
  switch (k) {
    case LinkKind::kAnchor:
      return "link";
    case LinkKind::kArea:
      return "image-map link";
    case LinkKind::kForm:
      return "form";
    case LinkKind::kIframe:
      return "embedded frame";
    case LinkKind::kRefresh:
      return "automatic redirect";
    case LinkKind::kImage:
      return "remote image";
    case LinkKind::kText:
      return "link in the text";
  }
  return "link";
}

std::string refresh_url(std::string_view c) {
  size_t i = 0;
  auto ws = [&] {
    while (i < c.size() && is_space(static_cast<unsigned char>(c[i]))) ++i;
  };
  ws();
  while (i < c.size() && (std::isdigit(static_cast<unsigned char>(c[i])) != 0 || c[i] == '.')) ++i;
  ws();
  if (i < c.size() && (c[i] == ';' || c[i] == ',')) ++i;
  ws();
  if (i >= c.size()) return {};
  std::string_view rest = c.substr(i);
  if (starts_with_ci(rest, "url")) {
    size_t j = 3;
    while (j < rest.size() && is_space(static_cast<unsigned char>(rest[j]))) ++j;
    if (j < rest.size() && rest[j] == '=') {
      ++j;
      while (j < rest.size() && is_space(static_cast<unsigned char>(rest[j]))) ++j;
      rest = rest.substr(j);
    }
  }
  if (!rest.empty() && (rest[0] == '\'' || rest[0] == '"')) {
    char q = rest[0];
    rest.remove_prefix(1);
    rest = rest.substr(0, rest.find(q));
  }
  return std::string(trim(rest));
}

std::string resolve_url(std::string_view base, std::string_view ref) {
  if (base.empty() || ref.size() > 8192 || base.size() > 8192) return std::string(ref);
  std::string b(base);
  std::string r(ref);
  UriHolder bu;
  UriHolder ru;
  UriHolder out;
  const char* err = nullptr;
  bu.ok = uriParseSingleUriA(&bu.uri, b.c_str(), &err) == URI_SUCCESS;
  if (!bu.ok || bu.uri.scheme.first == nullptr) return r;
  ru.ok = uriParseSingleUriA(&ru.uri, r.c_str(), &err) == URI_SUCCESS;
  if (!ru.ok || ru.uri.scheme.first != nullptr) return r;  // already absolute
  out.ok = uriAddBaseUriA(&out.uri, &ru.uri, &bu.uri) == URI_SUCCESS;
  if (!out.ok) return r;
  int chars = 0;
  if (uriToStringCharsRequiredA(&out.uri, &chars) != URI_SUCCESS || chars <= 0) return r;
  std::string s(static_cast<size_t>(chars) + 1, '\0');
  if (uriToStringA(s.data(), &out.uri, chars + 1, nullptr) != URI_SUCCESS) return r;
  s.resize(static_cast<size_t>(chars));
  return s;
}

HtmlDoc parse_html(std::string_view html, const HtmlLimits& limits) {
  HtmlDoc doc;
  if (html.size() > limits.max_input_bytes) {
    html = html.substr(0, limits.max_input_bytes);
    doc.truncated = true;
    doc.notes.push_back("the HTML is larger than " + std::to_string(limits.max_input_bytes) +
                        " bytes; only the start was examined");
  }
  std::string why;
  size_t cut = nesting_cut(html, limits.max_depth, limits.max_nesting_work, why);
  if (cut < html.size()) {
    html = html.substr(0, cut);
    doc.truncated = true;
    doc.notes.push_back(std::move(why));
  }
  GumboArena arena;
  GumboOptions opt = kGumboDefaultOptions;
  opt.allocator = &GumboArena::allocate;
  opt.deallocator = &GumboArena::deallocate;
  opt.userdata = &arena;
  opt.max_errors = 0;  // parse errors are not used: do not collect them
  GumboOutput* out = gumbo_parse_with_options(&opt, html.data(), html.size());
  // `out` lives in the arena: no gumbo_destroy_output (see GumboArena).
  Walker w(doc, limits);
  if (out != nullptr && out->document != nullptr) w.run(out->document);
  trim_collapsed(doc.visible_text);
  trim_collapsed(doc.hidden_text);
  trim_collapsed(doc.title);
  doc.zero_width_chars = w.zero_width;
  for (Link& l : doc.links) {
    trim_collapsed(l.text);
    if (!doc.base.empty() && !l.url.empty()) l.url = resolve_url(doc.base, l.url);
  }
  return doc;
}

std::vector<Link> find_text_urls(std::string_view text, size_t max_urls) {
  std::vector<Link> out;
  auto boundary_ok = [&](size_t i) {
    if (i == 0) return true;
    auto p = static_cast<unsigned char>(text[i - 1]);
    return std::isalnum(p) == 0 && p != '@' && p != '.' && p != '-' && p != '_' && p != '/' &&
           p != ':' && p != '%' && p != '=';
  };
  auto stops = [&](size_t i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '`') return true;
    if (c == 0xC2 && i + 1 < text.size()) {  // U+00A0, U+00AB, U+00BB
      auto d = static_cast<unsigned char>(text[i + 1]);
      return d == 0xA0 || d == 0xAB || d == 0xBB;
    }
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      auto d =
          static_cast<unsigned char>(text[i + 2]);  // U+2000..U+200B spaces, U+2018..201F quotes
      return d <= 0x8B || (d >= 0x98 && d <= 0x9F) || d == 0xA8 || d == 0xA9 || d == 0xAF;
    }
    if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      return static_cast<unsigned char>(text[i + 2]) == 0x80;  // U+3000 ideographic space
    }
    return false;
  };
  size_t i = 0;
  while (i < text.size() && out.size() < max_urls) {
    char c = ascii_lower(text[i]);
    if (c != 'h' && c != 'f' && c != 'w') {
      ++i;
      continue;
    }
    std::string_view rest = text.substr(i);
    size_t prefix = 0;
    bool www = false;
    if (starts_with_ci(rest, "http://")) {
      prefix = 7;
    } else if (starts_with_ci(rest, "https://")) {
      prefix = 8;
    } else if (starts_with_ci(rest, "ftp://")) {
      prefix = 6;
    } else if (starts_with_ci(rest, "www.")) {
      prefix = 4;
      www = true;
    }
    if (prefix == 0 || !boundary_ok(i) || prefix >= rest.size() ||
        (std::isalnum(static_cast<unsigned char>(rest[prefix])) == 0 && rest[prefix] != '[' &&
         static_cast<unsigned char>(rest[prefix]) < 0x80)) {
      ++i;
      continue;
    }
    size_t end = i + prefix;
    while (end < text.size() && !stops(end)) ++end;
    std::string_view url = text.substr(i, end - i);
    // Trailing punctuation belongs to the sentence; a closing bracket only to a URL that opened it.
    while (!url.empty()) {
      char last = url.back();
      if (std::string_view(".,;:!?'*").find(last) != std::string_view::npos) {
        url.remove_suffix(1);
        continue;
      }
      char open = last == ')' ? '(' : last == ']' ? '[' : last == '}' ? '{' : '\0';
      if (open != '\0' &&
          std::count(url.begin(), url.end(), open) < std::count(url.begin(), url.end(), last)) {
        url.remove_suffix(1);
        continue;
      }
      break;
    }
    bool ok = url.size() > prefix;
    if (ok && www) {
      // "www.example" alone is not an address: require a dot in the host after "www.".
      std::string_view host = url.substr(prefix);
      host = host.substr(0, host.find_first_of("/?#:"));
      ok = host.find('.') != std::string_view::npos && host.back() != '.';
    }
    if (ok) {
      Link l;
      l.kind = LinkKind::kText;
      l.url = std::string(url);
      out.push_back(std::move(l));
    }
    i = end > i ? end : i + 1;
  }
  return out;
}

}  // namespace sw::phish
