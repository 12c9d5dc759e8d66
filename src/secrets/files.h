// SPDX-License-Identifier: Apache-2.0
// The file sources of the secret scanner: paths (files and directory trees) and streams (stdin)
// turned into Fragments and fed to per-thread FragmentScanner workers (engine.h).
//
// Walking (`scan_files`):
// - A root may be a file or a directory (a symlink given as a root is followed). Files under a
//   directory root are reported relative to it, '/'-separated ("src/app.env"), which is what
//   gitleaks reports for `gitleaks dir .` (it reports its walk path: the root joined with the
//   relative path). With several roots, or `relative_paths = false`, each reported path is the
//   root as given joined with the relative path, so paths stay unambiguous. A file root is
//   reported as given.
// - Directories named `.git` are not entered. Directories and files whose reported path
//   `skip_path` accepts (the engine's global allowlist `paths`) are left out without being read,
//   a directory with everything under it, as gitleaks' directory walk does.
// - Symlinks are not followed unless `follow_symlinks`; then symlinked directories are entered
//   and a directory that is its own ancestor (by device and inode) is reported as a "symlink
//   loop" instead of being walked again. The same (dev, ino) check stops bind-mount loops. A
//   symlink to the same directory reached from two places is walked twice (as ripgrep does).
// - Skipped, with a reason (SkippedFile): "binary", "larger than 100 MiB (size 2 GiB)",
//   "unreadable: permission denied", "broken symlink", "symlink loop", "symlink (not followed)",
//   "not a regular file (fifo)". Unreadable directories are skipped the same way; the rest of
//   the walk goes on. Empty files are counted and not scanned (gitleaks skips them too).
// - Binary files: a NUL byte in the first 8000 bytes (git's and ripgrep's test) or one of a few
//   magic numbers of compressed, image, document and executable formats (binary.h). Invalid
//   UTF-8 is text: it is scanned as bytes. A binary or oversized file is still offered to the
//   engine as a Fragment with EMPTY text and its path, so that path-only rules (gitleaks'
//   `pkcs12-file`, which flags *.p12 by name) still fire on it.
// - `.gitignore` (respect_gitignore): for a directory root inside a git work tree, libgit2
//   answers for each path (git_ignore_path_is_ignored: the work tree's .gitignore files at every
//   level, .git/info/exclude, core.excludesFile). Outside a repository, an in-memory libgit2
//   repository whose work tree is the root applies the root's own .gitignore files (and the
//   user's core.excludesFile), but not .gitignore files above the root. Ignored directories are
//   pruned. Files given explicitly as roots are always scanned (as ripgrep does).
// - Archives are not opened (the issue makes them optional): zip, jar, tar.gz... are "binary".
//
// Reading: one walker (the calling thread) feeds a bounded queue of paths to `threads` workers,
// so memory does not depend on the number of files: each worker holds one file at a time, read
// with read(2) into a reused buffer up to 16 MiB and mmap(2)ed above (a file truncated by
// another process while mapped can raise SIGBUS; reading large files whole instead would cost
// their size in memory). A file larger than `max_file_size` is never opened for reading.
//
// Order: `matches` are sorted by reported path, then by position in the file (the engine's
// order), whatever the thread count; `skipped` and `errors` are sorted by path too.
//
// Streams (`scan_stream`, for `shieldwall secrets -`): read in chunks of `chunk_size` bytes cut
// at the last newline, each chunk one Fragment; line and column numbers are made absolute. A
// match spanning a chunk boundary (a multi-line private key straddling the 16 MiB mark) is
// missed; a line longer than a chunk is cut where the chunk ends.
//
// Thread safety: scan_files() and scan_stream() may run concurrently with each other; the
// WorkerFactory is called from the calling thread only; each worker is used by one thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "secrets/engine.h"

namespace sw::secrets {

inline constexpr uint64_t kDefaultMaxFileSize = uint64_t{100} << 20;  // 100 MiB

struct FileScanOptions {
  int threads = 0;                               // 0: one per hardware thread
  uint64_t max_file_size = kDefaultMaxFileSize;  // 0: no limit
  bool respect_gitignore = false;
  bool follow_symlinks = false;
  bool relative_paths = true;  // see the header comment; false: always "root/rel"
  // True when a reported path must not be read (the engine's global allowlist paths:
  // `[&](std::string_view p) { return scanner.path_allowed(p); }`). Called from the walker only.
  std::function<bool(std::string_view path)> skip_path;
};

struct SkippedFile {
  std::string path;
  std::string reason;
};

struct FileScanResult {
  std::vector<SecretMatch> matches;
  std::vector<SkippedFile> skipped;
  std::vector<Error> errors;  // a root that does not exist, read errors, engine errors per file
  uint64_t files = 0;         // files read (text and empty); binary and skipped files not counted
  uint64_t bytes = 0;         // bytes of those files
  uint64_t allowlisted = 0;   // files and directories left out by skip_path
  uint64_t ignored = 0;       // files and directories left out by .gitignore
};

// Scans every file under `roots`. Fails only when no worker can be made (the factory's error) or
// on an internal error; everything about individual paths goes into the result.
Result<FileScanResult> scan_files(const std::vector<std::string>& roots,
                                  const FileScanOptions& options, const WorkerFactory& factory);

struct StreamScanOptions {
  size_t chunk_size = size_t{16} << 20;  // bytes per fragment (at least 4 KiB)
};

// Scans what can be read from `fd` until end of file, reported under `name` ("-" for stdin is
// the caller's choice). Binary content is scanned too: the user piped it in on purpose. Fails
// when no worker can be made or on a read error (kIo naming `name`).
Result<FileScanResult> scan_stream(int fd, std::string_view name, const WorkerFactory& factory,
                                   const StreamScanOptions& options = {});

}  // namespace sw::secrets
