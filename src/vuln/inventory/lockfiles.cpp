// SPDX-License-Identifier: Apache-2.0
#include "vuln/inventory/lockfiles.h"

#include <array>

#include "vuln/inventory/lang_lockfiles.h"

namespace sw::vuln {
namespace {

// One entry per format; the parsers live in inventory/lock_<format>.cpp.
const std::array<LockfileFormat, 9> kFormats{{
    {"package-lock.json", "npm", is_package_lock, parse_package_lock},
    {"yarn.lock", "npm", is_yarn_lock, parse_yarn_lock},
    {"pnpm-lock.yaml", "npm", is_pnpm_lock, parse_pnpm_lock},
    {"node_modules/package.json", "npm", is_node_modules_package_json,
     parse_node_modules_package_json},
    {"requirements.txt", "PyPI", is_requirements_txt, parse_requirements_txt},
    {"poetry.lock", "PyPI", is_poetry_lock, parse_poetry_lock},
    {"Pipfile.lock", "PyPI", is_pipfile_lock, parse_pipfile_lock},
    {"uv.lock", "PyPI", is_uv_lock, parse_uv_lock},
    {"dist-info/METADATA", "PyPI", is_python_dist_metadata, parse_python_dist_metadata},
}};

}  // namespace

std::span<const LockfileFormat> lockfile_formats() { return kFormats; }

const LockfileFormat* lockfile_format_for(std::string_view path) {
  for (const auto& format : kFormats) {
    if (format.matches(path)) return &format;
  }
  return nullptr;
}

}  // namespace sw::vuln
