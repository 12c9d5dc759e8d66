// SPDX-License-Identifier: Apache-2.0
// Parsers for the non-JavaScript, non-Python lockfiles and manifests (one per inventory/lock_*.cpp)
// and their file-name tests; registered in inventory/lockfiles.cpp. Each follows the format and
// the expectations of osv-scalibr's extractor for it (see the header comment of each .cpp).
#pragma once

#include <string>
#include <string_view>

#include "vuln/inventory/package.h"

namespace sw::vuln {

// The last path component ("a/b/Cargo.lock" -> "Cargo.lock").
std::string_view lock_base_name(std::string_view path);

bool is_cargo_lock(std::string_view path);
PackageList parse_cargo_lock(std::string_view text, const std::string& path);

bool is_go_mod(std::string_view path);
PackageList parse_go_mod(std::string_view text, const std::string& path);

bool is_gemfile_lock(std::string_view path);
PackageList parse_gemfile_lock(std::string_view text, const std::string& path);

bool is_composer_lock(std::string_view path);
PackageList parse_composer_lock(std::string_view text, const std::string& path);

bool is_pom_xml(std::string_view path);
PackageList parse_pom_xml(std::string_view text, const std::string& path);

bool is_gradle_lockfile(std::string_view path);
PackageList parse_gradle_lockfile(std::string_view text, const std::string& path);

bool is_mix_lock(std::string_view path);
PackageList parse_mix_lock(std::string_view text, const std::string& path);

bool is_pubspec_lock(std::string_view path);
PackageList parse_pubspec_lock(std::string_view text, const std::string& path);

bool is_renv_lock(std::string_view path);
PackageList parse_renv_lock(std::string_view text, const std::string& path);

}  // namespace sw::vuln
