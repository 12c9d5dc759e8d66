// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/login_defs.h"

#include <cerrno>
#include <cstdlib>

#include "core/host.h"
#include "scan/context.h"

namespace sw::scan {

std::optional<long> parse_c_long(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 64) return std::nullopt;
  std::string buf(s);
  errno = 0;
  char* end = nullptr;
  long v = std::strtol(buf.c_str(), &end, 0);
  if (errno != 0 || end == buf.c_str() || *end != '\0') return std::nullopt;
  return v;
}

const LoginDef* LoginDefs::find(std::string_view name) const {
  auto it = defs.find(std::string(name));
  return it == defs.end() ? nullptr : &it->second;
}

std::optional<long> LoginDefs::number(std::string_view name) const {
  const LoginDef* d = find(name);
  if (d == nullptr) return std::nullopt;
  return parse_c_long(d->value);
}

LoginDefs parse_login_defs(std::string_view text, const std::string& path) {
  LoginDefs out;
  out.path = path;
  out.present = true;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    size_t sp = line.find_first_of(" \t");
    if (sp == std::string_view::npos) {
      out.parse_errors.emplace_back(Errc::kParse, "setting without a value (expected NAME VALUE)",
                                    path, n);
      continue;
    }
    std::string_view name = line.substr(0, sp);
    std::string_view value = trim(line.substr(sp));
    if (!value.empty() && value.front() == '"') {
      value.remove_prefix(1);
      size_t q = value.find('"');
      if (q != std::string_view::npos) value = value.substr(0, q);
    }
    out.defs[std::string(name)] = LoginDef{std::string(value), n};
  }
  return out;
}

Result<LoginDefs> LoginDefs::load(ScanContext& ctx) {
  const std::string path = "/etc/login.defs";
  auto text = ctx.host().read_file(path, 1 << 20);
  if (!text) {
    LoginDefs out;
    if (text.error().code() != Errc::kNotFound) out.error = text.error();
    return out;
  }
  LoginDefs out = parse_login_defs(*text, path);
  for (const auto& e : out.parse_errors) ctx.input_error(e);
  return out;
}

}  // namespace sw::scan
