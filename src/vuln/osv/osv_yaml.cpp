// SPDX-License-Identifier: Apache-2.0
// parse_osv_yaml: one OSV record serialised as YAML (the PyPA advisory database, pypa/advisory-
// database vulns/**.yaml), read with yaml-cpp's event parser (YAML::Parser + EventHandler) into a
// small flat tree and mapped onto the Advisory model by the same template as the JSON reader
// (osv_fill.h). The event API skips yaml-cpp's YAML::Node graph, about a quarter of the CPU of
// YAML::Load on the PyPA data. Every scalar is taken as its source text, never converted: YAML 1.1
// would read `1.10` as the float 1.1 and `yes` as a boolean, and versions must stay the strings
// the database wrote. A plain `~`, `null` or empty scalar is null (yaml-cpp reports it as such),
// which the mapping treats as absent. Only the first document of a stream is read (as YAML::Load).
// yaml-cpp throws on malformed YAML (unknown alias, nesting beyond its depth guard...): caught.
#include <cstdint>
#include <exception>
#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "vuln/osv/osv.h"
#include "vuln/osv/osv_fill.h"

namespace sw::vuln {
namespace {

using osv_detail::NodeKind;

struct Tree {
  struct Node {
    NodeKind kind = NodeKind::kNull;
    int line = 0;
    std::string text;            // scalars
    std::vector<uint32_t> kids;  // sequences: items; maps: key, value, key, value...
  };
  std::vector<Node> nodes;
  bool has_root = false;
  uint32_t root = 0;
};

class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(Tree& t) : t_(t) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override {
    add(NodeKind::kNull, m, a, nullptr);
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t a) override {
    if (a < anchors_.size()) link(anchors_[a]);
  }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                const std::string& value) override {
    add(NodeKind::kString, m, a, &value);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                       YAML::EmitterStyle::value) override {
    stack_.push_back(add(NodeKind::kArray, m, a, nullptr));
  }
  void OnSequenceEnd() override { pop(); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                  YAML::EmitterStyle::value) override {
    stack_.push_back(add(NodeKind::kObject, m, a, nullptr));
  }
  void OnMapEnd() override { pop(); }

 private:
  uint32_t add(NodeKind kind, const YAML::Mark& m, YAML::anchor_t a, const std::string* text) {
    auto idx = static_cast<uint32_t>(t_.nodes.size());
    auto& n = t_.nodes.emplace_back();
    n.kind = kind;
    n.line = m.line >= 0 ? m.line + 1 : 0;
    if (text != nullptr) n.text = *text;
    if (a != YAML::NullAnchor) {
      if (anchors_.size() <= a) anchors_.resize(a + 1, 0);
      anchors_[a] = idx;
    }
    link(idx);
    return idx;
  }
  void link(uint32_t idx) {
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

  Tree& t_;
  std::vector<uint32_t> stack_;
  std::vector<uint32_t> anchors_;
};

class YamlNode {
 public:
  YamlNode(const Tree& t, uint32_t i) : t_(&t), i_(i) {}

  NodeKind kind() const { return node().kind; }
  std::string_view str() const { return node().text; }
  int line() const { return node().line; }

  template <class F>
  bool items(F f) const {
    if (kind() != NodeKind::kArray) return true;
    for (uint32_t k : node().kids) {
      if (!f(YamlNode(*t_, k))) return false;
    }
    return true;
  }
  template <class F>
  bool fields(F f) const {
    if (kind() != NodeKind::kObject) return true;
    const auto& kids = node().kids;
    for (size_t k = 0; k + 1 < kids.size(); k += 2) {
      const auto& key = t_->nodes[kids[k]];
      if (key.kind != NodeKind::kString) continue;  // a complex key is never an OSV field
      if (!f(std::string_view(key.text), YamlNode(*t_, kids[k + 1]))) return false;
    }
    return true;
  }

 private:
  const Tree::Node& node() const { return t_->nodes[i_]; }
  const Tree* t_;
  uint32_t i_;
};

}  // namespace

Result<Advisory> parse_osv_yaml(std::string_view text, const std::string& path) {
  Tree tree;
  try {
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    TreeBuilder builder(tree);
    parser.HandleNextDocument(builder);
  } catch (const YAML::Exception& e) {
    return fail(Errc::kParse, fmt::format("not valid YAML: {}", e.msg), path,
                e.mark.line >= 0 ? e.mark.line + 1 : 0);
  } catch (const std::exception& e) {
    return fail(Errc::kParse, fmt::format("not valid YAML: {}", e.what()), path);
  }
  if (!tree.has_root) return fail(Errc::kParse, "OSV record: empty YAML document", path);
  return osv_detail::fill_advisory(YamlNode(tree, tree.root), path);
}

}  // namespace sw::vuln
