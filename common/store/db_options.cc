#include "common/store/db_options.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/store/absl_compat.h"
#include "rocksdb/cache.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/table.h"

namespace claims::store_internal {
namespace {

// Memtable size: large enough to absorb bursts of bulk ingest, small enough
// that two of them (plus the secondary's replay copies) fit the RSS budget.
constexpr size_t kWriteBufferBytes = 16 << 20;
constexpr int kMaxWriteBuffers = 2;
// Bloom filter bits per key: ~1% false positives for point reads of claims,
// articles and counters.
constexpr double kBloomBitsPerKey = 10;
// Info logs: keep a few small files.
constexpr size_t kMaxInfoLogBytes = 8 << 20;
constexpr size_t kKeepInfoLogs = 3;

rocksdb::Options CommonOptions(size_t block_cache_bytes) {
  rocksdb::Options options;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(block_cache_bytes);
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(kBloomBitsPerKey));
  // Index and filter blocks count against the cache, so memory is bounded
  // by block_cache_bytes however large the database grows.
  table.cache_index_and_filter_blocks = true;
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  table.format_version = 5;
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  options.write_buffer_size = kWriteBufferBytes;
  options.max_write_buffer_number = kMaxWriteBuffers;
  options.max_background_jobs = 2;
  options.max_log_file_size = kMaxInfoLogBytes;
  options.keep_log_file_num = kKeepInfoLogs;
  options.level_compaction_dynamic_level_bytes = true;
  return options;
}

}  // namespace

rocksdb::Options WriterDbOptions(size_t block_cache_bytes,
                                 uint64_t wal_ttl_seconds) {
  rocksdb::Options options = CommonOptions(block_cache_bytes);
  options.create_if_missing = true;
  // Followers replay the WAL; keep archived WAL files long enough for them.
  options.WAL_ttl_seconds = wal_ttl_seconds;
  return options;
}

rocksdb::Options SecondaryDbOptions(size_t block_cache_bytes) {
  rocksdb::Options options = CommonOptions(block_cache_bytes);
  options.create_if_missing = false;
  options.max_open_files = -1;  // required by secondary instances
  return options;
}

absl::Status FromRocks(const rocksdb::Status& s, std::string_view context) {
  if (s.ok()) return absl::OkStatus();
  std::string message = absl::StrCat(AbslView(context), ": ", s.ToString());
  if (s.IsNotFound() || s.IsPathNotFound()) {
    return absl::NotFoundError(message);
  }
  if (s.IsInvalidArgument()) return absl::InvalidArgumentError(message);
  if (s.IsCorruption()) return absl::DataLossError(message);
  if (s.IsBusy() || s.IsTryAgain() || s.IsTimedOut() || s.IsIOError()) {
    return absl::UnavailableError(message);
  }
  if (s.IsNotSupported()) return absl::UnimplementedError(message);
  return absl::InternalError(message);
}

}  // namespace claims::store_internal
