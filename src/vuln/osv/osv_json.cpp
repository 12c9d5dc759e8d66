// SPDX-License-Identifier: Apache-2.0
// parse_osv_json: one OSV record (https://ossf.github.io/osv-schema/) read with simdjson's DOM
// parser (one parser per thread, reused, so its buffers are allocated once) and mapped onto the
// Advisory model by the shared template of osv_fill.h. simdjson validates UTF-8 and the JSON
// grammar (RFC 8259); it reports errors by code, never by exception on this path.
#include <simdjson.h>

#include "vuln/osv/osv.h"
#include "vuln/osv/osv_fill.h"

namespace sw::vuln {
namespace {

using osv_detail::NodeKind;

class JsonNode {
 public:
  explicit JsonNode(simdjson::dom::element e) : e_(e) {}

  NodeKind kind() const {
    switch (e_.type()) {
      case simdjson::dom::element_type::NULL_VALUE:
        return NodeKind::kNull;
      case simdjson::dom::element_type::STRING:
        return NodeKind::kString;
      case simdjson::dom::element_type::ARRAY:
        return NodeKind::kArray;
      case simdjson::dom::element_type::OBJECT:
        return NodeKind::kObject;
      case simdjson::dom::element_type::BOOL:
        return NodeKind::kBool;
      case simdjson::dom::element_type::INT64:
      case simdjson::dom::element_type::UINT64:
      case simdjson::dom::element_type::DOUBLE:
        return NodeKind::kNumber;
    }
    return NodeKind::kOther;
  }
  std::string_view str() const {
    std::string_view s;
    if (e_.get_string().get(s) != simdjson::SUCCESS) return {};
    return s;
  }
  int line() const { return 0; }  // simdjson keeps no line numbers; errors carry the field path

  template <class F>
  bool items(F f) const {
    simdjson::dom::array a;
    if (e_.get_array().get(a) != simdjson::SUCCESS) return true;
    for (simdjson::dom::element x : a) {
      if (!f(JsonNode(x))) return false;
    }
    return true;
  }
  template <class F>
  bool fields(F f) const {
    simdjson::dom::object o;
    if (e_.get_object().get(o) != simdjson::SUCCESS) return true;
    for (auto kv : o) {
      if (!f(kv.key, JsonNode(kv.value))) return false;
    }
    return true;
  }

 private:
  simdjson::dom::element e_;
};

}  // namespace

Result<Advisory> parse_osv_json(std::string_view text, const std::string& path) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  auto err = parser.parse(text.data(), text.size(), true).get(root);
  if (err != simdjson::SUCCESS) {
    return fail(Errc::kParse, fmt::format("not valid JSON: {}", simdjson::error_message(err)),
                path);
  }
  return osv_detail::fill_advisory(JsonNode(root), path);
}

}  // namespace sw::vuln
