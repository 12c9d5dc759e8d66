// SPDX-License-Identifier: Apache-2.0
#include "vuln/inventory/lockfiles.h"

#include <array>

namespace sw::vuln {
namespace {

// One entry per format; the parsers live in inventory/lock_<format>.cpp.
const std::array<LockfileFormat, 0> kFormats{{}};

}  // namespace

std::span<const LockfileFormat> lockfile_formats() { return kFormats; }

const LockfileFormat* lockfile_format_for(std::string_view path) {
  for (const auto& format : kFormats) {
    if (format.matches(path)) return &format;
  }
  return nullptr;
}

}  // namespace sw::vuln
