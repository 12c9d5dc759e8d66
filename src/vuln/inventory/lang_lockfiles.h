// SPDX-License-Identifier: Apache-2.0
// JavaScript and Python lockfile / installed-package parsers (one per file lock_<format>.cpp),
// registered in lockfiles.cpp. Each takes the file's bytes and the path to report, never throws,
// and returns the packages in file order plus one error (file and line) per malformed entry.
// The name matchers judge a path by its file name (and for installed trees its directories).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "vuln/inventory/package.h"

namespace sw::vuln {

// npm package-lock.json / npm-shrinkwrap.json (lockfileVersion 1, 2, 3).
bool is_package_lock(std::string_view path);
PackageList parse_package_lock(std::string_view text, const std::string& path);

// yarn.lock: classic (v1) and berry (v2+, YAML with __metadata).
bool is_yarn_lock(std::string_view path);
PackageList parse_yarn_lock(std::string_view text, const std::string& path);

// pnpm-lock.yaml, lockfileVersion 5.x, 6.x and 9.x.
bool is_pnpm_lock(std::string_view path);
PackageList parse_pnpm_lock(std::string_view text, const std::string& path);

// pip requirements files (requirements*.txt). `-r`/`--requirement` includes are read through
// `read` (path relative to the including file's directory); nullopt = cannot be read (reported).
using RequirementsReader = std::function<std::optional<std::string>(const std::string& path)>;
bool is_requirements_txt(std::string_view path);
PackageList parse_requirements(std::string_view text, const std::string& path,
                               const RequirementsReader& read);
// The registry's entry: includes are read from the local filesystem.
PackageList parse_requirements_txt(std::string_view text, const std::string& path);

// poetry.lock (TOML).
bool is_poetry_lock(std::string_view path);
PackageList parse_poetry_lock(std::string_view text, const std::string& path);

// Pipfile.lock (JSON).
bool is_pipfile_lock(std::string_view path);
PackageList parse_pipfile_lock(std::string_view text, const std::string& path);

// uv.lock (TOML).
bool is_uv_lock(std::string_view path);
PackageList parse_uv_lock(std::string_view text, const std::string& path);

// Installed Python distribution: <name>.dist-info/METADATA (core metadata, RFC 822 headers).
bool is_python_dist_metadata(std::string_view path);
PackageList parse_python_dist_metadata(std::string_view text, const std::string& path);

// Installed npm package: node_modules/<name>/package.json or
// node_modules/@scope/<name>/package.json.
bool is_node_modules_package_json(std::string_view path);
PackageList parse_node_modules_package_json(std::string_view text, const std::string& path);

}  // namespace sw::vuln
