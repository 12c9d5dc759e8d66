// SPDX-License-Identifier: Apache-2.0
#include "secrets/go_encoding.h"

#include <charconv>
#include <cstdint>

#include <fmt/format.h>

namespace sw::secrets::go {
namespace {

constexpr char32_t kRuneError = 0xFFFD;

struct Rune {
  char32_t value = kRuneError;
  size_t size = 1;
  bool valid = false;
};

// utf8.DecodeRuneInString: an invalid or truncated sequence decodes as one RuneError byte.
Rune decode(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1, true};
  size_t n = 4;  // sequence length, from the lead byte
  char32_t r = b0 & 0x07u;
  char32_t min = 0x10000;  // smallest code point a sequence of this length may encode
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
    r = b0 & 0x1Fu;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    r = b0 & 0x0Fu;
    min = 0x800;
  } else if (b0 < 0xF0 || b0 > 0xF4) {
    return {};
  }
  if (i + n > s.size()) return {};
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return {};
    r = (r << 6) | (b & 0x3Fu);
  }
  if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) return {};
  return {r, n, true};
}

void append_utf8(std::string& out, char32_t r) {
  if (r < 0x80) {
    out += static_cast<char>(r);
  } else if (r < 0x800) {
    out += static_cast<char>(0xC0 | (r >> 6));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    out += static_cast<char>(0xE0 | (r >> 12));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (r >> 18));
    out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  }
}

// unicode.IsSpace.
bool is_space(char32_t r) {
  switch (r) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return r >= 0x2000 && r <= 0x200A;
  }
}

// xml.isInCharacterRange.
bool xml_char(char32_t r) {
  return r == 0x09 || r == 0x0A || r == 0x0D || (r >= 0x20 && r <= 0xD7FF) ||
         (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF);
}

}  // namespace

std::string json_quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (size_t i = 0; i < s.size();) {
    const Rune r = decode(s, i);
    if (!r.valid) {
      out += "\\ufffd";
      i += 1;
      continue;
    }
    i += r.size;
    switch (r.value) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '<':
      case '>':
      case '&':
      case 0x2028:
      case 0x2029:
        out += fmt::format("\\u{:04x}", static_cast<uint32_t>(r.value));
        break;
      default:
        if (r.value < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<uint32_t>(r.value));
        } else {
          append_utf8(out, r.value);
        }
    }
  }
  out += '"';
  return out;
}

void JsonWriter::newline() {
  out_ += '\n';
  out_ += prefix_;
  for (size_t i = 0; i < stack_.size(); ++i) out_ += indent_;
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  if (stack_.back().count++ > 0) out_ += ',';
  newline();
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  stack_.push_back(Level{false, 0});
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  stack_.push_back(Level{true, 0});
  return *this;
}

JsonWriter& JsonWriter::end() {
  const Level level = stack_.back();
  stack_.pop_back();
  if (level.count > 0) newline();
  out_ += level.array ? ']' : '}';
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  if (stack_.back().count++ > 0) out_ += ',';
  newline();
  out_ += json_quote(name);
  out_ += ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view value) {
  before_value();
  out_ += json_quote(value);
  return *this;
}

JsonWriter& JsonWriter::integer(long long value) {
  before_value();
  out_ += fmt::format("{}", value);
  return *this;
}

JsonWriter& JsonWriter::float32(double value) {
  before_value();
  // encoding/json formats a float32 with strconv 'f' and the shortest digits that read back as
  // the same float32 (exponent form only below 1e-6 or from 1e21, which entropy never reaches).
  const auto f = static_cast<float>(value);
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::fixed);
  if (res.ec != std::errc()) res = std::to_chars(buf, buf + sizeof buf, f);
  out_.append(buf, res.ptr);
  return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& values) {
  begin_array();
  for (const auto& v : values) string(v);
  return end();
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const Rune r = decode(s, i);
    i += r.size;
    if (!r.valid || !xml_char(r.value)) {
      append_utf8(out, kRuneError);
      continue;
    }
    switch (r.value) {
      case '"':
        out += "&#34;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\t':
        out += "&#x9;";
        break;
      case '\n':
        out += "&#xA;";
        break;
      case '\r':
        out += "&#xD;";
        break;
      default:
        append_utf8(out, r.value);
    }
  }
  return out;
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t f = 0; f < fields.size(); ++f) {
    if (f) out += ',';
    const std::string& field = fields[f];
    bool quote = false;
    if (!field.empty()) {
      quote = field == "\\." || field.find_first_of(",\"\r\n") != std::string::npos;
      if (!quote) {
        const Rune r = decode(field, 0);
        quote = r.valid && is_space(r.value);
      }
    }
    if (!quote) {
      out += field;
      continue;
    }
    out += '"';
    for (char c : field) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += '\n';
  return out;
}

}  // namespace sw::secrets::go
