// SPDX-License-Identifier: Apache-2.0
#include "vuln/inventory/lockfiles.h"

#include <array>

#include "vuln/inventory/lock_formats_more.h"

namespace sw::vuln {
namespace {

// One entry per format; the parsers live in inventory/lock_<format>.cpp.
const std::array kFormats{
    LockfileFormat{"Cargo.lock", "crates.io", is_cargo_lock, parse_cargo_lock},
    LockfileFormat{"go.mod", "Go", is_go_mod, parse_go_mod},
    LockfileFormat{"Gemfile.lock", "RubyGems", is_gemfile_lock, parse_gemfile_lock},
    LockfileFormat{"composer.lock", "Packagist", is_composer_lock, parse_composer_lock},
    LockfileFormat{"pom.xml", "Maven", is_pom_xml, parse_pom_xml},
    LockfileFormat{"gradle.lockfile", "Maven", is_gradle_lockfile, parse_gradle_lockfile},
    LockfileFormat{"mix.lock", "Hex", is_mix_lock, parse_mix_lock},
    LockfileFormat{"pubspec.lock", "Pub", is_pubspec_lock, parse_pubspec_lock},
    LockfileFormat{"renv.lock", "CRAN", is_renv_lock, parse_renv_lock},
};

}  // namespace

std::span<const LockfileFormat> lockfile_formats() { return kFormats; }

const LockfileFormat* lockfile_format_for(std::string_view path) {
  for (const auto& format : kFormats) {
    if (format.matches(path)) return &format;
  }
  return nullptr;
}

}  // namespace sw::vuln
