// SPDX-License-Identifier: Apache-2.0
// Language lockfiles and manifests: one parser per format (inventory/lock_<format>.cpp), chosen by
// file name, and the walk that finds them under a path.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "vuln/inventory/package.h"

namespace sw::vuln {

struct LockfileFormat {
  std::string_view id;         // "package-lock.json", "yarn.lock", "Cargo.lock"...
  std::string_view ecosystem;  // the OSV ecosystem its packages get ("npm", "PyPI", ...)
  // Whether a file is of this format, judged by its path (file name, sometimes the directory).
  bool (*matches)(std::string_view path);
  // Parses the bytes; `path` is used for Package::path and in error messages.
  PackageList (*parse)(std::string_view text, const std::string& path);
};

// Every known format, in a fixed order.
std::span<const LockfileFormat> lockfile_formats();

// The format for a path, or nullptr.
const LockfileFormat* lockfile_format_for(std::string_view path);

}  // namespace sw::vuln
