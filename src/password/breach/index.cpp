// SPDX-License-Identifier: Apache-2.0
// Building and reading the breach index (format in index.h).
//
// Build: every source record becomes 24 bytes (the first 128 hash bits and the count). They are
// collected up to max_memory_bytes, sorted (std::sort, O(n log n)) and, when the input does not
// fit, spilled as sorted runs into temp_dir; the runs are then k-way merged with a heap (O(n log
// k)). The merged stream is sorted by hash, so the writer only merges neighbours with equal kept
// bits, counts bucket sizes for the prefix table and appends records; the table and header are
// written last. Peak memory: max_memory_bytes plus the prefix table (4·2^prefix_bits bytes).
//
// Lookup: prefix table → bucket (about 4 records) → binary search with memcmp over key_bytes →
// count byte, and the overflow list (binary search) for counts ≥ 255. Two cache misses per lookup
// on a large index; the batch call prefetches them for a group of lookups at a time.
#include "password/breach/index.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <queue>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"
#include "password/breach/source.h"
#include "password/secret_string.h"

namespace sw::password {

namespace {

__extension__ using U128 = unsigned __int128;

constexpr char kMagic[8] = {'S', 'W', 'B', 'R', 'E', 'A', 'C', 'H'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kHeaderSize = 64;
constexpr unsigned kMinPrefixBits = 4;
constexpr unsigned kMaxPrefixBits = 26;
constexpr std::uint8_t kCountEscape = 255;

std::uint64_t load_be64(const std::uint8_t* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return __builtin_bswap64(v);
}

U128 digest_bits(const Digest& d) {
  return U128{load_be64(d.data())} << 64 | U128{load_be64(d.data() + 8)};
}

std::uint32_t load_le32(const std::uint8_t* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;  // little-endian host (x86-64, aarch64): the format is little-endian
}

std::uint64_t load_le64(const std::uint8_t* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

void put_le32(std::string& out, std::uint32_t v) { out.append(reinterpret_cast<char*>(&v), 4); }
void put_le64(std::string& out, std::uint64_t v) { out.append(reinterpret_cast<char*>(&v), 8); }

std::uint64_t add_saturating(std::uint64_t a, std::uint64_t b) {
  return a > std::numeric_limits<std::uint64_t>::max() - b
             ? std::numeric_limits<std::uint64_t>::max()
             : a + b;
}

unsigned choose_prefix_bits(std::uint64_t entries) {
  unsigned bits = kMinPrefixBits;
  while (bits < kMaxPrefixBits && (std::uint64_t{1} << (bits + 3)) < entries) ++bits;
  return bits;  // 2^bits >= entries / 8: 4 to 8 records (44-88 bytes) per bucket
}

// ---------------------------------------------------------------------------------------------
// Build

struct Rec {
  std::uint64_t hi;
  std::uint64_t lo;
  std::uint64_t count;
  U128 bits() const { return U128{hi} << 64 | U128{lo}; }
};

bool rec_less(const Rec& a, const Rec& b) { return a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo; }

// Sorts and merges equal hashes in place; returns how many were merged.
std::uint64_t sort_and_merge(std::vector<Rec>& recs) {
  std::sort(recs.begin(), recs.end(), rec_less);
  std::size_t out = 0;
  for (std::size_t i = 0; i < recs.size(); ++i) {
    if (out > 0 && recs[out - 1].hi == recs[i].hi && recs[out - 1].lo == recs[i].lo) {
      recs[out - 1].count = add_saturating(recs[out - 1].count, recs[i].count);
    } else {
      recs[out++] = recs[i];
    }
  }
  const std::uint64_t merged = recs.size() - out;
  recs.resize(out);
  return merged;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

Result<File> open_file(const std::filesystem::path& p, const char* mode) {
  File f(std::fopen(p.c_str(), mode));
  if (!f) return Unexpected(error_from_errno(errno, "cannot open", p.string()));
  return f;
}

// Removes the listed files when it goes out of scope (temporary runs, a half-written output).
struct RemoveOnExit {
  std::vector<std::filesystem::path> paths;
  ~RemoveOnExit() {
    for (const auto& p : paths) {
      std::error_code ec;
      std::filesystem::remove(p, ec);
    }
  }
};

class RunReader {
 public:
  RunReader(File f, std::size_t buffer_recs) : file_(std::move(f)), buf_(buffer_recs) {}
  // The next record, or false at the end (or on a read error, reported by failed()).
  bool next(Rec& r) {
    if (pos_ == len_) {
      len_ = std::fread(buf_.data(), sizeof(Rec), buf_.size(), file_.get());
      pos_ = 0;
      if (len_ == 0) return false;
    }
    r = buf_[pos_++];
    return true;
  }
  bool failed() const { return std::ferror(file_.get()) != 0; }

 private:
  File file_;
  std::vector<Rec> buf_;
  std::size_t pos_ = 0, len_ = 0;
};

class IndexWriter {
 public:
  IndexWriter(std::FILE* f, const BreachBuildOptions& o, unsigned prefix_bits)
      : f_(f),
        kind_(o.kind),
        key_bytes_(o.key_bytes),
        prefix_bits_(prefix_bits),
        kept_bits_(prefix_bits + 8 * o.key_bytes),
        table_((std::size_t{1} << prefix_bits) + 1, 0) {}

  Result<void> begin() {
    if (std::fseek(f_, static_cast<long>(kHeaderSize + table_.size() * 4), SEEK_SET) != 0) {
      return fail(Errc::kIo, "cannot seek in the index being written");
    }
    return {};
  }

  Result<void> add(const Rec& r) {
    const U128 kept = r.bits() >> (128 - kept_bits_);
    if (has_pending_ && kept == pending_) {
      pending_count_ = add_saturating(pending_count_, r.count);
      ++merged_;
      return {};
    }
    if (has_pending_) SW_TRY(emit());
    pending_ = kept;
    pending_count_ = r.count;
    has_pending_ = true;
    return {};
  }

  Result<BreachBuildStats> finish() {
    if (has_pending_) SW_TRY(emit());
    for (const auto& [index, count] : overflow_) {
      std::string e;
      put_le32(e, index);
      put_le32(e, count);
      SW_TRY(write(e));
    }
    // Bucket sizes → start offsets (the extra last entry ends up as the total).
    std::uint64_t running = 0;
    std::string table;
    table.reserve(table_.size() * 4);
    for (std::uint32_t size : table_) {
      put_le32(table, static_cast<std::uint32_t>(running));
      running += size;
    }
    const std::uint64_t file_size =
        kHeaderSize + table.size() + entries_ * (key_bytes_ + 1) + overflow_.size() * 8;
    std::string header(kMagic, sizeof kMagic);
    put_le32(header, kVersion);
    header.push_back(static_cast<char>(kind_));
    header.push_back(static_cast<char>(key_bytes_));
    header.push_back(static_cast<char>(prefix_bits_));
    header.push_back('\0');
    put_le64(header, entries_);
    put_le64(header, overflow_.size());
    put_le64(header, file_size);
    header.resize(kHeaderSize, '\0');
    if (std::fseek(f_, 0, SEEK_SET) != 0) return fail(Errc::kIo, "cannot seek in the index");
    SW_TRY(write(header));
    SW_TRY(write(table));
    if (std::fflush(f_) != 0 || ::fsync(::fileno(f_)) != 0) {
      return Unexpected(error_from_errno(errno, "cannot write the index", {}));
    }
    BreachBuildStats stats;
    stats.entries = entries_;
    stats.duplicates = merged_;
    stats.index_bytes = file_size;
    stats.prefix_bits = prefix_bits_;
    return stats;
  }

 private:
  Result<void> write(std::string_view bytes) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), f_) != bytes.size()) {
      return Unexpected(error_from_errno(errno, "cannot write the index", {}));
    }
    return {};
  }

  Result<void> emit() {
    if (entries_ >= std::numeric_limits<std::uint32_t>::max()) {
      return fail(Errc::kUnsupported, "more than 4294967294 distinct hashes: not supported");
    }
    const std::uint64_t bucket = static_cast<std::uint64_t>(pending_ >> (8 * key_bytes_));
    ++table_[bucket];
    char rec[13];
    for (unsigned byte_idx = 0; byte_idx < key_bytes_; ++byte_idx) {
      rec[byte_idx] = static_cast<char>(
          static_cast<std::uint8_t>(pending_ >> (8 * (key_bytes_ - 1 - byte_idx))));
    }
    if (pending_count_ >= kCountEscape) {
      rec[key_bytes_] = static_cast<char>(kCountEscape);
      const std::uint64_t saturated =
          std::min<std::uint64_t>(pending_count_, std::numeric_limits<std::uint32_t>::max());
      overflow_.emplace_back(static_cast<std::uint32_t>(entries_),
                             static_cast<std::uint32_t>(saturated));
    } else {
      rec[key_bytes_] = static_cast<char>(pending_count_);
    }
    ++entries_;
    return write(std::string_view(rec, key_bytes_ + 1));
  }

  std::FILE* f_;
  HashKind kind_;
  unsigned key_bytes_;
  unsigned prefix_bits_;
  unsigned kept_bits_;
  std::vector<std::uint32_t> table_;  // bucket sizes while writing
  std::vector<std::pair<std::uint32_t, std::uint32_t>> overflow_;
  bool has_pending_ = false;
  U128 pending_ = 0;
  std::uint64_t pending_count_ = 0;
  std::uint64_t entries_ = 0;
  std::uint64_t merged_ = 0;
};

}  // namespace

Result<BreachBuildStats> build_breach_index(const std::vector<std::filesystem::path>& sources,
                                            const std::filesystem::path& out,
                                            const BreachBuildOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (options.key_bytes < 4 || options.key_bytes > 12) {
    return fail(Errc::kUsage, "key_bytes must be between 4 and 12");
  }
  if (sources.empty()) return fail(Errc::kUsage, "no breach source given");
  std::filesystem::path temp_dir = options.temp_dir;
  if (temp_dir.empty()) temp_dir = out.has_parent_path() ? out.parent_path() : ".";

  const std::size_t capacity = std::max<std::size_t>(options.max_memory_bytes / sizeof(Rec), 1024);
  std::vector<Rec> buffer;
  std::vector<std::filesystem::path> run_paths;
  RemoveOnExit cleanup;
  std::uint64_t pre_merged = 0;  // duplicates merged inside a run
  std::uint64_t run_records = 0;
  Result<void> spill_error;

  auto spill = [&]() -> Result<void> {
    pre_merged += sort_and_merge(buffer);
    const auto path = temp_dir / ("sw-breach-run-" + std::to_string(::getpid()) + "-" +
                                  std::to_string(run_paths.size()) + ".bin");
    cleanup.paths.push_back(path);
    auto f = open_file(path, "wb");
    if (!f) return Unexpected(f.error());
    if (std::fwrite(buffer.data(), sizeof(Rec), buffer.size(), f->get()) != buffer.size() ||
        std::fflush(f->get()) != 0) {
      return Unexpected(error_from_errno(errno, "cannot write a sort run", path.string()));
    }
    run_records += buffer.size();
    run_paths.push_back(path);
    buffer.clear();
    return {};
  };

  SourceStats source_stats;
  const RecordSink sink = [&](const Digest& d, std::uint64_t count) {
    if (!spill_error) return;
    if (buffer.size() == buffer.capacity()) {
      if (buffer.size() >= capacity) {
        spill_error = spill();
        if (!spill_error) return;
      } else {
        buffer.reserve(std::min(capacity, std::max<std::size_t>(buffer.capacity() * 2, 4096)));
      }
    }
    buffer.push_back(Rec{load_be64(d.data()), load_be64(d.data() + 8), count});
  };
  for (const auto& source : sources) {
    SW_TRY(read_breach_source(source, options.kind, sink, source_stats));
    SW_TRY(spill_error);
  }

  const auto tmp_out = std::filesystem::path(out.string() + ".tmp");
  cleanup.paths.push_back(tmp_out);
  auto out_file = open_file(tmp_out, "wb");
  if (!out_file) return Unexpected(out_file.error());
  std::vector<char> write_buffer(1u << 20);
  std::setvbuf(out_file->get(), write_buffer.data(), _IOFBF, write_buffer.size());

  Result<BreachBuildStats> written = fail(Errc::kInternal, "index not written");
  if (run_paths.empty()) {
    pre_merged += sort_and_merge(buffer);
    IndexWriter writer(out_file->get(), options, choose_prefix_bits(buffer.size()));
    SW_TRY(writer.begin());
    for (const Rec& r : buffer) SW_TRY(writer.add(r));
    written = writer.finish();
  } else {
    if (!buffer.empty()) SW_TRY(spill());
    std::vector<Rec>().swap(buffer);
    const std::size_t per_run = std::max<std::size_t>(
        options.max_memory_bytes / sizeof(Rec) / (run_paths.size() + 1), 4096);
    std::vector<RunReader> readers;
    for (const auto& p : run_paths) {
      auto f = open_file(p, "rb");
      if (!f) return Unexpected(f.error());
      readers.emplace_back(std::move(*f), per_run);
    }
    using Head = std::pair<Rec, std::size_t>;
    auto greater = [](const Head& a, const Head& b) { return rec_less(b.first, a.first); };
    std::priority_queue<Head, std::vector<Head>, decltype(greater)> heap(greater);
    for (std::size_t run_idx = 0; run_idx < readers.size(); ++run_idx) {
      Rec r;
      if (readers[run_idx].next(r)) heap.emplace(r, run_idx);
    }
    IndexWriter writer(out_file->get(), options, choose_prefix_bits(run_records));
    SW_TRY(writer.begin());
    while (!heap.empty()) {
      const auto [r, run_idx] = heap.top();
      heap.pop();
      SW_TRY(writer.add(r));
      Rec next;
      if (readers[run_idx].next(next)) heap.emplace(next, run_idx);
    }
    for (const auto& reader : readers) {
      if (reader.failed()) return fail(Errc::kIo, "cannot read back a sort run");
    }
    written = writer.finish();
  }
  if (!written) return written;
  out_file.value().reset();
  std::error_code ec;
  std::filesystem::rename(tmp_out, out, ec);
  if (ec) return Unexpected(error_from_errno(ec.value(), "cannot rename the index into", out));

  BreachBuildStats stats = *written;
  stats.records_read = source_stats.records;
  stats.duplicates += pre_merged;
  stats.bad_lines = source_stats.bad_lines;
  stats.bad_samples = source_stats.bad_samples;
  stats.input_bytes = source_stats.bytes;
  stats.runs = run_paths.size();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

// ---------------------------------------------------------------------------------------------
// Reading

struct BreachIndex::Storage {
  Storage() = default;
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
  ~Storage() {
    if (map != nullptr) ::munmap(map, map_size);
  }
  void* map = nullptr;
  std::size_t map_size = 0;
  std::string owned;
  const std::uint8_t* data = nullptr;
  std::size_t size = 0;
};

BreachIndex::BreachIndex(BreachIndex&&) noexcept = default;
BreachIndex& BreachIndex::operator=(BreachIndex&&) noexcept = default;
BreachIndex::~BreachIndex() = default;

Result<BreachIndex> BreachIndex::open(const std::filesystem::path& path) {
  const std::string name = path.string();
  const int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Unexpected(error_from_errno(errno, "cannot open", name));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return Unexpected(error_from_errno(err, "cannot stat", name));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return fail(Errc::kParse, "not a regular file", name);
  }
  auto storage = std::make_unique<Storage>();
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size < kHeaderSize) {
    ::close(fd);
    return fail(Errc::kParse, "not a breach index (file too short)", name);
  }
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  const int map_err = errno;
  ::close(fd);
  if (map == MAP_FAILED) return Unexpected(error_from_errno(map_err, "cannot map", name));
  ::madvise(map, size, MADV_RANDOM);
  storage->map = map;
  storage->map_size = size;
  storage->data = static_cast<const std::uint8_t*>(map);
  storage->size = size;
  return adopt(std::move(storage), name);
}

Result<BreachIndex> BreachIndex::from_bytes(std::string bytes) {
  auto storage = std::make_unique<Storage>();
  storage->owned = std::move(bytes);
  storage->data = reinterpret_cast<const std::uint8_t*>(storage->owned.data());
  storage->size = storage->owned.size();
  return adopt(std::move(storage), "<memory>");
}

Result<BreachIndex> BreachIndex::adopt(std::unique_ptr<Storage> storage, const std::string& name) {
  const std::uint8_t* p = storage->data;
  const std::size_t size = storage->size;
  auto corrupt = [&name](const std::string& why) {
    return fail(Errc::kParse, "corrupt breach index: " + why, name);
  };
  if (size < kHeaderSize || std::memcmp(p, kMagic, sizeof kMagic) != 0) {
    return fail(Errc::kParse, "not a breach index (bad magic)", name);
  }
  if (load_le32(p + 8) != kVersion) {
    return fail(Errc::kUnsupported,
                "breach index version " + std::to_string(load_le32(p + 8)) + " (expected 1)", name);
  }
  const unsigned kind = p[12], key_bytes = p[13], prefix_bits = p[14];
  if (kind > 1) return corrupt("unknown hash kind");
  if (key_bytes < 4 || key_bytes > 12) return corrupt("key size out of range");
  if (prefix_bits < kMinPrefixBits || prefix_bits > kMaxPrefixBits) {
    return corrupt("prefix bits out of range");
  }
  const auto hash_kind = static_cast<HashKind>(kind);
  if (prefix_bits + 8 * key_bytes > 8 * digest_size(hash_kind)) {
    return corrupt("more key bits than the hash has");
  }
  if (p[15] != 0 || std::any_of(p + 40, p + kHeaderSize, [](std::uint8_t b) { return b != 0; })) {
    return corrupt("reserved header bytes are not zero");
  }
  const std::uint64_t entries = load_le64(p + 16);
  const std::uint64_t overflow = load_le64(p + 24);
  const std::uint64_t declared_size = load_le64(p + 32);
  if (entries >= std::numeric_limits<std::uint32_t>::max()) return corrupt("entry count too big");
  if (overflow > entries) return corrupt("more overflow counts than entries");
  const std::uint64_t table_entries = (std::uint64_t{1} << prefix_bits) + 1;
  const std::uint64_t record_size = key_bytes + 1;
  const std::uint64_t expected =
      kHeaderSize + table_entries * 4 + entries * record_size + overflow * 8;
  if (declared_size != expected) return corrupt("header sizes do not add up");
  if (size != expected) {
    return corrupt("file is " + std::to_string(size) + " bytes, the header says " +
                   std::to_string(expected) + " (truncated or appended to)");
  }
  const std::uint8_t* table = p + kHeaderSize;
  if (load_le32(table) != 0) return corrupt("prefix table does not start at 0");
  std::uint32_t prev = 0;
  for (std::uint64_t bucket = 1; bucket < table_entries; ++bucket) {
    const std::uint32_t v = load_le32(table + 4 * bucket);
    if (v < prev) return corrupt("prefix table is not monotonic");
    prev = v;
  }
  if (prev != entries) return corrupt("prefix table does not end at the entry count");
  const std::uint8_t* records = table + table_entries * 4;
  const std::uint8_t* overflow_list = records + entries * record_size;
  std::uint64_t prev_index = 0;
  for (std::uint64_t i = 0; i < overflow; ++i) {
    const std::uint32_t index = load_le32(overflow_list + 8 * i);
    const std::uint32_t count = load_le32(overflow_list + 8 * i + 4);
    if ((i > 0 && index <= prev_index) || index >= entries) {
      return corrupt("overflow list is not sorted or points past the records");
    }
    if (records[index * record_size + key_bytes] != kCountEscape || count < kCountEscape) {
      return corrupt("overflow entry does not match its record");
    }
    prev_index = index;
  }

  BreachIndex index;
  index.info_.kind = hash_kind;
  index.info_.key_bytes = key_bytes;
  index.info_.prefix_bits = prefix_bits;
  index.info_.entries = entries;
  index.info_.overflow_entries = overflow;
  index.info_.file_bytes = size;
  index.info_.bytes_per_entry =
      entries == 0 ? 0 : static_cast<double>(size) / static_cast<double>(entries);
  index.info_.false_positive_rate = static_cast<double>(entries) *
                                    std::ldexp(1.0, -static_cast<int>(prefix_bits + 8 * key_bytes));
  index.table_ = table;
  index.records_ = records;
  index.overflow_ = overflow_list;
  index.record_size_ = record_size;
  index.storage_ = std::move(storage);
  return index;
}

void BreachIndex::split(const Digest& d, std::uint64_t& bucket, std::uint8_t* key) const {
  const U128 bits = digest_bits(d);
  bucket = static_cast<std::uint64_t>(bits >> (128 - info_.prefix_bits));
  const U128 rest = bits << info_.prefix_bits;
  for (unsigned byte_idx = 0; byte_idx < info_.key_bytes; ++byte_idx) {
    key[byte_idx] = static_cast<std::uint8_t>(rest >> (120 - 8 * byte_idx));
  }
}

std::optional<std::uint64_t> BreachIndex::lookup(std::uint64_t bucket,
                                                 const std::uint8_t* key) const {
  std::uint32_t lo = load_le32(table_ + 4 * bucket);
  std::uint32_t hi = load_le32(table_ + 4 * (bucket + 1));
  const unsigned kb = info_.key_bytes;
  while (lo < hi) {
    const std::uint32_t mid = lo + (hi - lo) / 2;
    const std::uint8_t* rec = records_ + std::size_t{mid} * record_size_;
    const int cmp = std::memcmp(rec, key, kb);
    if (cmp < 0) {
      lo = mid + 1;
    } else if (cmp > 0) {
      hi = mid;
    } else {
      const std::uint8_t c = rec[kb];
      if (c != kCountEscape) return c;
      std::uint64_t olo = 0, ohi = info_.overflow_entries;
      while (olo < ohi) {
        const std::uint64_t omid = olo + (ohi - olo) / 2;
        const std::uint32_t index = load_le32(overflow_ + 8 * omid);
        if (index < mid) {
          olo = omid + 1;
        } else if (index > mid) {
          ohi = omid;
        } else {
          return load_le32(overflow_ + 8 * omid + 4);
        }
      }
      return kCountEscape;  // a 255 without overflow entry: validation allows it, be conservative
    }
  }
  return std::nullopt;
}

std::optional<std::uint64_t> BreachIndex::count_digest(const Digest& digest) const {
  std::uint64_t bucket = 0;
  std::uint8_t key[16];
  split(digest, bucket, key);
  return lookup(bucket, key);
}

std::optional<std::uint64_t> BreachIndex::count(std::string_view password) const {
  Digest d = hash_password(info_.kind, password);
  auto result = count_digest(d);
  wipe(d.data(), d.size());
  return result;
}

std::optional<std::uint64_t> BreachIndex::count_sha1(std::string_view hex) const {
  const auto d = parse_hex(hex, info_.kind);
  if (!d) return std::nullopt;
  return count_digest(*d);
}

void BreachIndex::count_sha1_batch(std::span<const Digest> digests,
                                   std::span<std::optional<std::uint64_t>> out) const {
  constexpr std::size_t kGroup = 16;
  std::uint64_t buckets[kGroup];
  std::uint8_t keys[kGroup][16];
  const std::size_t n = std::min(digests.size(), out.size());
  for (std::size_t base = 0; base < n; base += kGroup) {
    const std::size_t m = std::min(kGroup, n - base);
    for (std::size_t i = 0; i < m; ++i) {
      split(digests[base + i], buckets[i], keys[i]);
      __builtin_prefetch(table_ + 4 * buckets[i]);
    }
    for (std::size_t i = 0; i < m; ++i) {
      const std::uint32_t lo = load_le32(table_ + 4 * buckets[i]);
      const std::uint32_t hi = load_le32(table_ + 4 * (buckets[i] + 1));
      const std::uint8_t* first = records_ + std::size_t{lo} * record_size_;
      __builtin_prefetch(first);
      if (hi > lo) __builtin_prefetch(first + std::size_t{hi - lo} * record_size_ - 1);
    }
    for (std::size_t i = 0; i < m; ++i) out[base + i] = lookup(buckets[i], keys[i]);
  }
}

}  // namespace sw::password
