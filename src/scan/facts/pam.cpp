// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/pam.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "core/host.h"
#include "scan/context.h"

namespace sw::scan {
namespace {

constexpr std::string_view kPamDir = "/etc/pam.d";
constexpr std::string_view kVendorDir = "/usr/lib/pam.d";
constexpr int kMaxIncludeDepth = 16;

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct LogicalLine {
  std::string text;
  int line = 0;
};

// _pam_assemble_line: comments cut at the first '#', '\' at the end joins the next line.
std::vector<LogicalLine> assemble(std::string_view text, const std::string& path,
                                  std::vector<Error>& errors) {
  std::vector<LogicalLine> out;
  std::string acc;
  int start = 0;
  bool continuing = false;
  int n = 0;
  for (auto phys : split_lines(text)) {
    ++n;
    auto s = trim(phys);
    if (s.empty() || s.front() == '#') continue;  // blank or comment: skipped, even mid-line
    if (!continuing) start = n;
    size_t hash = s.find('#');
    if (hash != std::string_view::npos) {
      acc.append(s.substr(0, hash));
      out.push_back({std::move(acc), start});
      acc.clear();
      continuing = false;
      continue;
    }
    if (s.back() == '\\') {
      acc.append(s.substr(0, s.size() - 1));
      acc.push_back(' ');
      continuing = true;
      continue;
    }
    acc.append(s);
    out.push_back({std::move(acc), start});
    acc.clear();
    continuing = false;
  }
  if (continuing) {
    errors.emplace_back(Errc::kParse, "line continued with '\\' at the end of the file: ignored",
                        path, start);
  }
  return out;
}

// Splits a logical line into words; a word starting with '[' runs to the matching unescaped ']'.
// With keep_brackets the brackets stay (controls), otherwise they are dropped and "\]" becomes ']'
// (arguments). Returns false on an unterminated bracket.
bool tokenize(std::string_view s, std::vector<std::string>& words, std::vector<bool>& bracketed) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_blank(s[i])) ++i;
    if (i >= s.size()) break;
    if (s[i] == '[') {
      std::string w;
      size_t j = i + 1;
      bool closed = false;
      while (j < s.size()) {
        if (s[j] == '\\' && j + 1 < s.size() && s[j + 1] == ']') {
          w.push_back(']');
          j += 2;
          continue;
        }
        if (s[j] == ']') {
          closed = true;
          ++j;
          break;
        }
        w.push_back(s[j]);
        ++j;
      }
      if (!closed) return false;
      words.push_back(std::move(w));
      bracketed.push_back(true);
      i = j;
      continue;
    }
    size_t j = i;
    while (j < s.size() && !is_blank(s[j])) ++j;
    words.emplace_back(s.substr(i, j - i));
    bracketed.push_back(false);
    i = j;
  }
  return true;
}

std::string normalize_control(std::string_view inner) {
  std::string out = "[";
  bool first = true;
  size_t i = 0;
  while (i < inner.size()) {
    while (i < inner.size() && is_blank(inner[i])) ++i;
    size_t j = i;
    while (j < inner.size() && !is_blank(inner[j])) ++j;
    if (j > i) {
      if (!first) out.push_back(' ');
      out.append(inner.substr(i, j - i));
      first = false;
    }
    i = j;
  }
  out.push_back(']');
  return out;
}

std::string module_name(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (base.ends_with(".so")) base.remove_suffix(3);
  return std::string(base);
}

bool valid_type(std::string_view t) {
  return t == "auth" || t == "account" || t == "password" || t == "session";
}

}  // namespace

bool PamEntry::has_arg(std::string_view name) const {
  return std::find(args.begin(), args.end(), name) != args.end();
}

std::optional<std::string> PamEntry::arg_value(std::string_view key) const {
  std::optional<std::string> v;
  for (const auto& a : args) {
    if (a.size() > key.size() && a.compare(0, key.size(), key) == 0 && a[key.size()] == '=') {
      v = a.substr(key.size() + 1);
    }
  }
  return v;
}

std::string PamEntry::where() const { return fmt::format("{}:{}", file, line); }

PamFile parse_pam_file(std::string_view text, const std::string& path) {
  PamFile out;
  out.path = path;
  for (auto& ll : assemble(text, path, out.parse_errors)) {
    std::vector<std::string> w;
    std::vector<bool> br;
    if (!tokenize(ll.text, w, br)) {
      out.parse_errors.emplace_back(Errc::kParse, "unterminated '[' in PAM line", path, ll.line);
      continue;
    }
    if (w.empty()) continue;
    PamEntry e;
    e.file = path;
    e.line = ll.line;
    if (!br[0] && lower(w[0]) == "@include") {
      if (w.size() < 2) {
        out.parse_errors.emplace_back(Errc::kParse, "@include without a file name", path, ll.line);
        continue;
      }
      e.kind = PamEntry::Kind::kAtInclude;
      e.module_path = w[1];
      e.module = w[1];
      out.entries.push_back(std::move(e));
      continue;
    }
    std::string type = br[0] ? std::string() : lower(w[0]);
    if (!type.empty() && type.front() == '-') {
      e.optional_module = true;
      type.erase(0, 1);
    }
    if (!valid_type(type)) {
      out.parse_errors.emplace_back(
          Errc::kParse, fmt::format("unknown PAM type '{}'", w[0].substr(0, 32)), path, ll.line);
      continue;
    }
    e.type = type;
    if (w.size() < 3) {
      out.parse_errors.emplace_back(Errc::kParse, "PAM line needs type, control and module", path,
                                    ll.line);
      continue;
    }
    if (br[1]) {
      e.control = normalize_control(w[1]);
    } else {
      e.control = lower(w[1]);
      if (e.control == "include") e.kind = PamEntry::Kind::kInclude;
      if (e.control == "substack") e.kind = PamEntry::Kind::kSubstack;
    }
    e.module_path = w[2];
    e.module = e.kind == PamEntry::Kind::kModule ? module_name(w[2]) : w[2];
    for (size_t k = 3; k < w.size(); ++k) e.args.push_back(std::move(w[k]));
    out.entries.push_back(std::move(e));
  }
  return out;
}

std::string Pam::resolve(std::string_view name) const {
  if (name.empty()) return {};
  if (name.front() == '/')
    return files.count(std::string(name)) ? std::string(name) : std::string();
  for (auto dir : {kPamDir, kVendorDir}) {
    std::string p = fmt::format("{}/{}", dir, name);
    if (files.count(p)) return p;
  }
  return {};
}

namespace {

void flatten(const Pam& pam, const std::string& path, std::string_view type, int depth,
             std::vector<PamEntry>& out) {
  if (depth > kMaxIncludeDepth) return;
  auto it = pam.files.find(path);
  if (it == pam.files.end()) return;
  for (const auto& e : it->second.entries) {
    switch (e.kind) {
      case PamEntry::Kind::kAtInclude:
        flatten(pam, pam.resolve(e.module_path), type, depth + 1, out);
        break;
      case PamEntry::Kind::kInclude:
      case PamEntry::Kind::kSubstack:
        if (type.empty() || e.type == type) {
          flatten(pam, pam.resolve(e.module_path), e.type, depth + 1, out);
        }
        break;
      case PamEntry::Kind::kModule:
        if (type.empty() || e.type == type) out.push_back(e);
        break;
    }
  }
}

}  // namespace

std::vector<PamEntry> Pam::stack(std::string_view service) const {
  std::vector<PamEntry> out;
  std::string p = resolve(service);
  if (!p.empty()) flatten(*this, p, {}, 0, out);
  return out;
}

std::vector<PamEntry> Pam::stack(std::string_view service, std::string_view type) const {
  std::vector<PamEntry> out;
  std::string p = resolve(service);
  if (!p.empty()) flatten(*this, p, type, 0, out);
  return out;
}

std::vector<PamEntry> Pam::first_stack(std::initializer_list<std::string_view> services,
                                       std::string_view type, std::string* used) const {
  for (auto svc : services) {
    if (!has_service(svc)) continue;
    if (used != nullptr) *used = std::string(svc);
    return stack(svc, type);
  }
  if (used != nullptr) used->clear();
  return {};
}

Result<Pam> Pam::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  Pam out;
  std::vector<std::string> todo;
  for (auto dir : {kPamDir, kVendorDir}) {
    auto entries = host.list_dir(dir);
    if (!entries) continue;
    if (dir == kPamDir) out.present = true;
    for (const auto& d : *entries) {
      if (d.type == FileType::kDirectory) continue;
      todo.push_back(fmt::format("{}/{}", dir, d.name));
    }
  }
  std::set<std::string> seen;
  while (!todo.empty()) {
    std::string path = std::move(todo.back());
    todo.pop_back();
    if (!seen.insert(path).second) continue;
    auto text = host.read_file(path, 1 << 20);
    if (!text) {
      if (text.error().code() != Errc::kNotFound) out.read_errors.push_back(text.error());
      continue;
    }
    PamFile f = parse_pam_file(*text, path);
    for (const auto& e : f.parse_errors) ctx.input_error(e);
    // Absolute include targets outside the PAM directories are loaded too.
    for (const auto& e : f.entries) {
      if (e.kind != PamEntry::Kind::kModule && !e.module_path.empty() &&
          e.module_path.front() == '/') {
        todo.push_back(e.module_path);
      }
    }
    out.files.emplace(path, std::move(f));
  }
  return out;
}

}  // namespace sw::scan
