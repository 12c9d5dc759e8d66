// SPDX-License-Identifier: Apache-2.0
// Byte-for-byte the encodings gitleaks' reports come out of (Go's standard library), so that our
// gitleaks-compatible reports (secrets/formats.h) are what gitleaks' users' pipelines and diff
// tools already read:
//   - JSON as encoding/json's Encoder with SetIndent(prefix, indent) writes it: keys in the order
//     given, `[]`/`{}` when empty, HTML-safe escaping (<, >, & as \u003c \u003e \u0026), U+2028
//     and U+2029 escaped, invalid UTF-8 as \ufffd, \b \f \n \r \t short escapes (Go >= 1.22),
//     other control characters as \u00XX; float32 in the shortest form that reads back.
//   - XML text and attribute values as encoding/xml's EscapeText: " ' & < > as &#34; &#39;
//     &amp; &lt; &gt;, tab/newline/CR as &#x9; &#xA; &#xD;, characters XML cannot hold as U+FFFD.
//   - CSV fields as encoding/csv's Writer: quoted when holding a comma, a quote, CR or LF, or
//     starting with a Unicode space; quotes doubled; records end with "\n".
// Hand-written: nlohmann-json sorts keys (unless ordered_json) and escapes differently, and no
// C++ library reproduces Go's XML or CSV quoting rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sw::secrets::go {

// A streaming JSON writer with Go's Encoder layout. Call in document order; end() closes the
// innermost object or array. After the top-level value, `finish()` appends Encoder's "\n".
class JsonWriter {
 public:
  JsonWriter(std::string& out, std::string prefix, std::string indent)
      : out_(out), prefix_(std::move(prefix)), indent_(std::move(indent)) {}

  JsonWriter& begin_object();
  JsonWriter& begin_array();
  JsonWriter& end();
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view value);
  JsonWriter& integer(long long value);
  JsonWriter& float32(double value);
  JsonWriter& strings(const std::vector<std::string>& values);
  void finish() { out_ += '\n'; }

 private:
  void before_value();
  void newline();
  struct Level {
    bool array = false;
    int count = 0;
  };
  std::string& out_;
  std::string prefix_;
  std::string indent_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

// A JSON string literal, quotes included, escaped as encoding/json does.
std::string json_quote(std::string_view text);

// Text escaped as encoding/xml's EscapeText.
std::string xml_escape(std::string_view text);

// One CSV record (fields joined by ',', each quoted when needed, then "\n").
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace sw::secrets::go
