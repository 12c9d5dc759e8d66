// SPDX-License-Identifier: Apache-2.0
// Parsing a TOML document with toml++ without letting its exception out: the document, or one
// Error naming the file and the line toml++ reports. Shared by the config file, the ignore files,
// gitleaks rule files and the TOML lockfiles. Header-only: its users link toml++ themselves.
#pragma once

#include <exception>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "core/result.h"

namespace sw {

inline Result<toml::table> parse_toml(std::string_view text, const std::string& path,
                                      Errc code = Errc::kParse, std::string_view prefix = {}) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return fail(code, std::string(prefix) + std::string(e.description()), path,
                static_cast<int>(e.source().begin.line));
  } catch (const std::exception& e) {
    return fail(code, std::string(prefix) + e.what(), path, 0);
  }
}

}  // namespace sw
