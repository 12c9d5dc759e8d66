// SPDX-License-Identifier: Apache-2.0
#include "vuln/inventory/lockfiles.h"

#include <array>

#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_formats_more.h"

namespace sw::vuln {
namespace {

// One entry per format; the parsers live in inventory/lock_<format>.cpp.
const std::array kFormats{
    LockfileFormat{"package-lock.json", "npm", is_package_lock, parse_package_lock},
    LockfileFormat{"yarn.lock", "npm", is_yarn_lock, parse_yarn_lock},
    LockfileFormat{"pnpm-lock.yaml", "npm", is_pnpm_lock, parse_pnpm_lock},
    LockfileFormat{"node_modules/package.json", "npm", is_node_modules_package_json,
                   parse_node_modules_package_json},
    LockfileFormat{"requirements.txt", "PyPI", is_requirements_txt, parse_requirements_txt},
    LockfileFormat{"poetry.lock", "PyPI", is_poetry_lock, parse_poetry_lock},
    LockfileFormat{"Pipfile.lock", "PyPI", is_pipfile_lock, parse_pipfile_lock},
    LockfileFormat{"uv.lock", "PyPI", is_uv_lock, parse_uv_lock},
    LockfileFormat{"dist-info/METADATA", "PyPI", is_python_dist_metadata,
                   parse_python_dist_metadata},
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
