// SPDX-License-Identifier: Apache-2.0
// Internals of update.cpp / import.cpp shared between them (and their tests): the archive cache
// (`<data_dir>/archives/<file>` with `<file>.meta.json` holding the source's URL, ETag,
// Last-Modified and fetch time) and archive verification.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "vuln/store/store.h"
#include "vuln/store/update.h"

namespace sw::vuln::update_detail {

struct CachedArchive {
  std::string kind;  // "osv" (an all.zip) or "kev"
  SourceInfo info;
  std::string file;  // name inside archives/
  std::string path;  // full path
};

struct Verified {
  size_t advisories = 0;
  size_t skipped = 0;
  std::vector<Error> warnings;
};

std::string archive_file_name(const std::string& kind, const std::string& name);
std::string archives_dir(const std::string& data_dir);
Result<std::string> read_file(const std::string& path);
std::optional<CachedArchive> read_meta(const std::string& meta_path);
std::vector<CachedArchive> cached_archives(const std::string& data_dir);
Result<void> write_meta(const std::string& data_dir, const CachedArchive& archive);
// The zip opens (consistency checks on) and every member reads back with a good CRC-32.
Result<void> check_zip_structure(const std::string& bytes, const std::string& name);
Result<Verified> verify_archive(const std::string& kind, const std::string& path,
                                const std::string& name);
bool is_download_url(std::string_view url);
// A new store from every cached archive plus the old store's imported sources; the advisory count.
Result<size_t> rebuild_from_archives(const std::string& data_dir, UpdateReport& report);

}  // namespace sw::vuln::update_detail
