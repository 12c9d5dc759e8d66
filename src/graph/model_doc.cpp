// SPDX-License-Identifier: Apache-2.0
// JSON and YAML model bytes to one internal form (model_doc.h; ../shared/specs/graph.md, 2.2).
//
// JSON: nlohmann::json parses; it reports no positions, so a small hand-written pre-scan (no
// library gives item positions) walks the bytes once, tracking strings and brackets, to (a) refuse
// nesting deeper than kMaxDepth before any recursive code sees it and (b) note the line of each
// top-level key and of each item of a top-level array.
//
// YAML: yaml-cpp's event parser (YAML::Parser + EventHandler, as vuln/osv/osv_yaml.cpp) builds a
// flat tree with the line of every node; the tree is then converted to nlohmann::json with the
// YAML 1.2 core schema for plain scalars (yaml-cpp's own Node conversions follow YAML 1.1 habits
// and the event API gives us the source text and whether a scalar was quoted). Aliases share
// nodes in the tree and are expanded on conversion within a budget, so an alias bomb stops with
// an error instead of exhausting memory. yaml-cpp throws on malformed input: caught here.
#include "graph/model_doc.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <exception>
#include <limits>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace sw::graph::detail {

int ModelDoc::item_line(const std::string& key, std::size_t index) const {
  auto it = item_lines.find(key);
  if (it == item_lines.end() || index >= it->second.size()) return 0;
  return it->second[index];
}

int ModelDoc::key_line(const std::string& key) const {
  auto it = key_lines.find(key);
  return it == key_lines.end() ? 0 : it->second;
}

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

int line_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

// ---- JSON ----

// The pre-scan. It tolerates malformed input (nlohmann reports that); it only fails on depth.
struct JsonScan {
  bool too_deep = false;
  int deep_line = 0;
  std::map<std::string, int> key_lines;
  std::map<std::string, std::vector<int>> item_lines;
};

JsonScan scan_json(std::string_view text) {
  JsonScan out;
  std::vector<char> stack;  // '{' or '['
  int line = 1;
  bool want_key = false;   // in the root object, before a key
  bool want_item = false;  // in a top-level array, before an item
  std::string key;         // the current top-level key
  std::vector<int>* items = nullptr;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') continue;
    // A value starts at depth 2 inside a top-level array: note its line.
    if (want_item && stack.size() == 2 && c != ']' && c != ',') {
      if (items != nullptr) items->push_back(line);
      want_item = false;
    }
    if (c == '"') {
      std::size_t start = i + 1;
      std::size_t j = start;
      while (j < text.size() && text[j] != '"') {
        if (text[j] == '\\') ++j;
        if (j < text.size() && text[j] == '\n') ++line;
        ++j;
      }
      if (want_key && stack.size() == 1) {
        key.assign(text.substr(start, std::min(j, text.size()) - start));
        out.key_lines[key] = line;
        want_key = false;
        items = nullptr;
      }
      i = j;
      continue;
    }
    switch (c) {
      case '{':
      case '[':
        stack.push_back(c);
        if (stack.size() > kMaxDepth) {
          out.too_deep = true;
          out.deep_line = line;
          return out;
        }
        if (stack.size() == 1 && c == '{') want_key = true;
        if (stack.size() == 2 && c == '[' && stack[0] == '{') {
          items = &out.item_lines[key];
          items->clear();  // a repeated key: the last one wins, as in nlohmann
          want_item = true;
        }
        break;
      case '}':
      case ']':
        if (!stack.empty()) stack.pop_back();
        break;
      case ',':
        if (stack.size() == 1) want_key = true;
        if (stack.size() == 2 && stack[1] == '[') want_item = true;
        break;
      default:
        break;
    }
  }
  return out;
}

// ---- YAML ----

enum class YKind { kNull, kScalar, kSeq, kMap };

struct YTree {
  struct Node {
    YKind kind = YKind::kNull;
    bool plain = false;  // a plain (unquoted, untagged or "?"-tagged) scalar
    int line = 0;
    std::string text;
    std::vector<std::uint32_t> kids;  // seq: items; map: key, value, key, value...
  };
  std::vector<Node> nodes;
  bool has_root = false;
  std::uint32_t root = 0;
};

// Well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF). YAML text must be Unicode;
// yaml-cpp passes bytes through, and nlohmann::json refuses to write invalid UTF-8 later.
bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      cp = c & 0x07u;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0u) != 0x80u) return false;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (n == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

// A YAML document our tree refuses (too deep, a complex key), with the line.
struct YamlShapeError : std::runtime_error {
  int line;
  YamlShapeError(const std::string& what, int l) : std::runtime_error(what), line(l) {}
};

std::string too_deep_message() {
  return fmt::format("nested deeper than {} levels; a model is never that deep", kMaxDepth);
}

class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(YTree& t) : t_(t) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { add(YKind::kNull, m, a); }
  void OnAlias(const YAML::Mark&, YAML::anchor_t a) override {
    if (a < anchors_.size()) link(anchors_[a]);
  }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                const std::string& value) override {
    if (!valid_utf8(value)) throw YamlShapeError("text is not valid UTF-8", m.line + 1);
    std::uint32_t idx = add(YKind::kScalar, m, a);
    auto& n = t_.nodes[idx];
    n.text = value;
    n.plain = tag.empty() || tag == "?";
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                       YAML::EmitterStyle::value) override {
    push(add(YKind::kSeq, m, a), m);
  }
  void OnSequenceEnd() override { pop(); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                  YAML::EmitterStyle::value) override {
    push(add(YKind::kMap, m, a), m);
  }
  void OnMapEnd() override { pop(); }

 private:
  std::uint32_t add(YKind kind, const YAML::Mark& m, YAML::anchor_t a) {
    auto idx = static_cast<std::uint32_t>(t_.nodes.size());
    auto& n = t_.nodes.emplace_back();
    n.kind = kind;
    n.line = m.line >= 0 ? m.line + 1 : 0;
    if (a != YAML::NullAnchor) {
      if (anchors_.size() <= a) anchors_.resize(a + 1, 0);
      anchors_[a] = idx;
    }
    link(idx);
    return idx;
  }
  void push(std::uint32_t idx, const YAML::Mark& m) {
    stack_.push_back(idx);
    if (stack_.size() > kMaxDepth) throw YamlShapeError(too_deep_message(), m.line + 1);
  }
  void link(std::uint32_t idx) {
    if (stack_.empty()) {
      if (!t_.has_root) {
        t_.has_root = true;
        t_.root = idx;
      }
    } else {
      t_.nodes[stack_.back()].kids.push_back(idx);
    }
  }
  void pop() {
    if (!stack_.empty()) stack_.pop_back();
  }

  YTree& t_;
  std::vector<std::uint32_t> stack_;
  std::vector<std::uint32_t> anchors_;
};

bool all_of_chars(std::string_view s, std::string_view allowed) {
  return !s.empty() && s.find_first_not_of(allowed) == std::string_view::npos;
}

// YAML 1.2 core schema resolution of a plain scalar.
nlohmann::json resolve_plain(const std::string& text) {
  std::string_view s = text;
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  std::string_view body = s;
  bool neg = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == ".inf" || body == ".Inf" || body == ".INF") {
    return neg ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return std::numeric_limits<double>::quiet_NaN();
  auto as_int = [&](std::string_view digits, int base) -> nlohmann::json {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, base);
    if (ec == std::errc() && p == digits.data() + digits.size()) return neg ? -v : v;
    return text;  // out of range: keep the text
  };
  if (s.size() > 2 && s[0] == '0' && s[1] == 'o' && all_of_chars(s.substr(2), "01234567")) {
    return as_int(s.substr(2), 8);
  }
  if (s.size() > 2 && s[0] == '0' && s[1] == 'x' &&
      all_of_chars(s.substr(2), "0123456789abcdefABCDEF")) {
    return as_int(s.substr(2), 16);
  }
  if (all_of_chars(body, "0123456789")) {
    nlohmann::json v = as_int(body, 10);
    if (!v.is_string()) return v;
  }
  // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
  if (!body.empty() && all_of_chars(body, "0123456789.eE+-") &&
      (std::isdigit(static_cast<unsigned char>(body[0])) != 0 || body[0] == '.')) {
    double v = 0;
    auto [p, ec] = std::from_chars(body.data(), body.data() + body.size(), v);
    if (ec == std::errc() && p == body.data() + body.size()) return neg ? -v : v;
  }
  return text;
}

// The number of nodes a subtree becomes once aliases are expanded, memoized over the tree (a DAG
// through aliases, or cyclic for an alias inside its own anchor: counted as too large), so that a
// bomb is refused before anything is allocated. Saturates at kHuge.
class ExpandedSize {
 public:
  static constexpr std::uint64_t kHuge = std::uint64_t{1} << 62;
  explicit ExpandedSize(const YTree& t)
      : t_(t), size_(t.nodes.size(), 0), state_(t.nodes.size(), 0) {}

  std::uint64_t of(std::uint32_t idx, std::size_t depth = 0) {
    if (depth > kMaxDepth || state_[idx] == 1) return kHuge;  // too deep, or a cycle
    if (state_[idx] == 2) return size_[idx];
    state_[idx] = 1;
    std::uint64_t n = 1;
    for (std::uint32_t k : t_.nodes[idx].kids) n = std::min(kHuge, n + of(k, depth + 1));
    state_[idx] = 2;
    size_[idx] = n;
    return n;
  }

 private:
  const YTree& t_;
  std::vector<std::uint64_t> size_;
  std::vector<std::uint8_t> state_;  // 0 unknown, 1 in progress, 2 done
};

class Converter {
 public:
  Converter(const YTree& t, std::size_t budget) : t_(t), budget_(budget) {}

  // Returns false when the alias expansion budget is spent.
  bool convert(std::uint32_t idx, nlohmann::json& out, std::size_t depth) {
    if (budget_ == 0 || depth > kMaxDepth) return false;
    --budget_;
    const auto& n = t_.nodes[idx];
    switch (n.kind) {
      case YKind::kNull:
        out = nullptr;
        return true;
      case YKind::kScalar:
        out = n.plain ? resolve_plain(n.text) : nlohmann::json(n.text);
        return true;
      case YKind::kSeq: {
        out = nlohmann::json::array();
        for (std::uint32_t k : n.kids) {
          nlohmann::json v;
          if (!convert(k, v, depth + 1)) return false;
          out.push_back(std::move(v));
        }
        return true;
      }
      case YKind::kMap: {
        out = nlohmann::json::object();
        std::vector<std::uint32_t> merges;
        for (std::size_t k = 0; k + 1 < n.kids.size(); k += 2) {
          const auto& key = t_.nodes[n.kids[k]];
          if (key.kind == YKind::kSeq || key.kind == YKind::kMap) {
            throw YamlShapeError("complex mapping keys are not supported", key.line);
          }
          if (key.kind == YKind::kScalar && key.plain && key.text == "<<") {
            merges.push_back(n.kids[k + 1]);
            continue;
          }
          nlohmann::json v;
          if (!convert(n.kids[k + 1], v, depth + 1)) return false;
          out[key.text] = std::move(v);
        }
        // Merge keys: entries of the merged maps that the map does not set itself.
        for (std::uint32_t m : merges) {
          nlohmann::json v;
          if (!convert(m, v, depth + 1)) return false;
          std::vector<nlohmann::json> sources;
          if (v.is_object()) sources.push_back(std::move(v));
          if (v.is_array()) {
            for (auto& e : v) {
              if (e.is_object()) sources.push_back(std::move(e));
            }
          }
          for (auto& src : sources) {
            for (auto& [k, val] : src.items()) {
              if (!out.contains(k)) out[k] = val;
            }
          }
        }
        return true;
      }
    }
    return true;
  }

 private:
  const YTree& t_;
  std::size_t budget_;
};

}  // namespace

bool is_yaml(std::string_view name, std::string_view text) {
  if (ends_with(name, ".yaml") || ends_with(name, ".yml") || ends_with(name, ".YAML") ||
      ends_with(name, ".YML")) {
    return true;
  }
  if (ends_with(name, ".json") || ends_with(name, ".JSON")) return false;
  std::size_t i = text.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos) return true;  // empty: an empty YAML stream
  if (text.substr(i, 3) == "\xEF\xBB\xBF") i = text.find_first_not_of(" \t\r\n", i + 3);
  return i == std::string_view::npos || text[i] != '{';
}

Result<ModelDoc> scan_json_doc(std::string_view text, const std::string& origin) {
  if (text.size() > kMaxModelBytes) {
    return fail(Errc::kParse, fmt::format("file larger than {} bytes", kMaxModelBytes), origin);
  }
  JsonScan scan = scan_json(text);
  if (scan.too_deep) {
    return fail(Errc::kParse, too_deep_message(), origin, scan.deep_line);
  }
  ModelDoc doc;
  doc.line = 1;
  doc.key_lines = std::move(scan.key_lines);
  doc.item_lines = std::move(scan.item_lines);
  return doc;
}

Result<ModelDoc> parse_json_doc(std::string_view text, const std::string& origin) {
  auto scanned = scan_json_doc(text, origin);
  if (!scanned) return scanned;
  ModelDoc doc = std::move(*scanned);
  try {
    doc.root = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    return fail(Errc::kParse, fmt::format("invalid JSON: {}", e.what()), origin,
                line_at(text, e.byte > 0 ? e.byte - 1 : 0));
  } catch (const std::exception& e) {
    return fail(Errc::kParse, fmt::format("invalid JSON: {}", e.what()), origin);
  }
  return doc;
}

Result<std::vector<ModelDoc>> parse_yaml_docs(std::string_view text, const std::string& origin) {
  if (text.size() > kMaxModelBytes) {
    return fail(Errc::kParse, fmt::format("file larger than {} bytes", kMaxModelBytes), origin);
  }
  std::vector<ModelDoc> docs;
  try {
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    for (;;) {
      YTree tree;
      TreeBuilder builder(tree);
      if (!parser.HandleNextDocument(builder)) break;
      if (docs.size() >= kMaxYamlDocuments) {
        return fail(Errc::kParse, fmt::format("more than {} YAML documents", kMaxYamlDocuments),
                    origin);
      }
      ModelDoc doc;
      if (!tree.has_root) {
        docs.push_back(std::move(doc));
        continue;
      }
      // Every node may be expanded a few times through aliases; beyond that it is a bomb.
      std::size_t budget = 16 * tree.nodes.size() + 1'000'000;
      Converter conv(tree, budget);
      if (ExpandedSize(tree).of(tree.root) > budget || !conv.convert(tree.root, doc.root, 0)) {
        return fail(Errc::kParse, "YAML aliases expand beyond any real model (alias bomb?)", origin,
                    tree.nodes[tree.root].line);
      }
      const auto& root = tree.nodes[tree.root];
      doc.line = root.line;
      if (root.kind == YKind::kMap) {
        for (std::size_t k = 0; k + 1 < root.kids.size(); k += 2) {
          const auto& key = tree.nodes[root.kids[k]];
          const auto& val = tree.nodes[root.kids[k + 1]];
          if (key.kind != YKind::kScalar) continue;
          doc.key_lines[key.text] = key.line;
          auto& lines = doc.item_lines[key.text];
          lines.clear();
          if (val.kind == YKind::kSeq) {
            for (std::uint32_t item : val.kids) lines.push_back(tree.nodes[item].line);
          }
        }
      }
      docs.push_back(std::move(doc));
    }
  } catch (const YamlShapeError& e) {
    return fail(Errc::kParse, e.what(), origin, e.line);
  } catch (const YAML::Exception& e) {
    return fail(Errc::kParse, fmt::format("invalid YAML: {}", e.msg), origin,
                e.mark.line >= 0 ? e.mark.line + 1 : 0);
  } catch (const std::exception& e) {
    return fail(Errc::kParse, fmt::format("invalid YAML: {}", e.what()), origin);
  }
  return docs;
}

}  // namespace sw::graph::detail
