// SPDX-License-Identifier: Apache-2.0
// parse_osv_yaml: one OSV record serialised as YAML (the PyPA advisory database, pypa/advisory-
// database vulns/**.yaml), read with yaml-cpp and mapped onto the Advisory model by the same
// template as the JSON reader (osv_fill.h). Every YAML scalar is taken as its source text, never
// converted: YAML 1.1 would read `1.10` as the float 1.1 and `yes` as a boolean, and versions must
// stay the strings the database wrote. A plain `~`, `null` or empty scalar is null (absent).
// yaml-cpp throws on malformed YAML (and on nesting deeper than its depth guard): caught here.
#include <exception>

#include <yaml-cpp/yaml.h>

#include "vuln/osv/osv.h"
#include "vuln/osv/osv_fill.h"

namespace sw::vuln {
namespace {

using osv_detail::NodeKind;

class YamlNode {
 public:
  explicit YamlNode(const YAML::Node& n) : n_(n) {}

  NodeKind kind() const {
    switch (n_.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        return NodeKind::kNull;
      case YAML::NodeType::Scalar:
        return NodeKind::kString;
      case YAML::NodeType::Sequence:
        return NodeKind::kArray;
      case YAML::NodeType::Map:
        return NodeKind::kObject;
    }
    return NodeKind::kOther;
  }
  std::string_view str() const { return n_.Scalar(); }
  int line() const { return n_.Mark().line >= 0 ? n_.Mark().line + 1 : 0; }

  template <class F>
  bool items(F f) const {
    if (!n_.IsSequence()) return true;
    for (const auto& x : n_) {
      if (!f(YamlNode(x))) return false;
    }
    return true;
  }
  template <class F>
  bool fields(F f) const {
    if (!n_.IsMap()) return true;
    for (const auto& kv : n_) {
      if (!kv.first.IsScalar()) continue;  // a complex key is never an OSV field
      if (!f(std::string_view(kv.first.Scalar()), YamlNode(kv.second))) return false;
    }
    return true;
  }

 private:
  YAML::Node n_;
};

}  // namespace

Result<Advisory> parse_osv_yaml(std::string_view text, const std::string& path) {
  try {
    YAML::Node root = YAML::Load(std::string(text));
    return osv_detail::fill_advisory(YamlNode(root), path);
  } catch (const YAML::Exception& e) {
    return fail(Errc::kParse, fmt::format("not valid YAML: {}", e.msg), path,
                e.mark.line >= 0 ? e.mark.line + 1 : 0);
  } catch (const std::exception& e) {
    return fail(Errc::kParse, fmt::format("not valid YAML: {}", e.what()), path);
  }
}

}  // namespace sw::vuln
