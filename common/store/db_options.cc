#include "common/store/db_options.h"

#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/store/absl_compat.h"
#include "common/store/info_log.h"
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

// Cache shards: 2^2. Each shard must hold the largest block it caches; 64
// default shards of a 32 MiB cache (512 KiB each) could not keep any
// filter or index block of a large SST, so every point read re-read them.
constexpr int kCacheShardBits = 2;
// Partitions of the index and filter blocks: a point read loads one small
// partition instead of a whole file's index and filter.
constexpr size_t kMetadataBlockBytes = 4096;

rocksdb::Options CommonOptions(size_t block_cache_bytes) {
  rocksdb::Options options;
  rocksdb::BlockBasedTableOptions table;
  rocksdb::LRUCacheOptions cache;
  cache.capacity = block_cache_bytes;
  cache.num_shard_bits = kCacheShardBits;
  // Index and filter partitions stay ahead of data blocks in the LRU.
  cache.high_pri_pool_ratio = 0.5;
  table.block_cache = rocksdb::NewLRUCache(cache);
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(kBloomBitsPerKey));
  // Partitioned index and filters, counted against the cache so memory is
  // bounded by block_cache_bytes however large the database grows; the
  // small top-level index of each file stays pinned.
  table.index_type = rocksdb::BlockBasedTableOptions::kTwoLevelIndexSearch;
  table.partition_filters = true;
  table.metadata_block_size = kMetadataBlockBytes;
  table.cache_index_and_filter_blocks = true;
  table.cache_index_and_filter_blocks_with_high_priority = true;
  table.pin_top_level_index_and_filter = true;
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  table.format_version = 5;
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  options.write_buffer_size = kWriteBufferBytes;
  options.max_write_buffer_number = kMaxWriteBuffers;
  options.max_background_jobs = 2;
  options.info_log = NewServerInfoLog();
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
  if (s.IsNoSpace()) {
    return absl::ResourceExhaustedError(
        absl::StrCat(AbslView(context), ": disk full (", s.ToString(), ")"));
  }
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

absl::StatusOr<bool> CheckFormatVersion(rocksdb::DB* db, std::string_view dir) {
  std::string version;
  rocksdb::Status s =
      db->Get(rocksdb::ReadOptions(), FormatVersionKey(), &version);
  if (s.IsNotFound()) return false;
  if (!s.ok()) return FromRocks(s, "read format version");
  if (version != kFormatVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        AbslView(dir), ": on-disk format version \"",
        absl::CHexEscape(AbslView(version)), "\", this build reads version \"",
        AbslView(kFormatVersion), "\""));
  }
  return true;
}

absl::Status ForEachInRange(
    rocksdb::DB* db, const KeyRange& range, std::string_view context,
    const std::function<bool(std::string_view key, std::string_view value)>&
        visit) {
  rocksdb::Slice upper(range.upper);
  rocksdb::ReadOptions options;
  // An empty upper key (prefix of all 0xff) means no upper bound.
  if (!range.upper.empty()) options.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(options));
  for (it->Seek(range.lower); it->Valid(); it->Next()) {
    if (!visit(it->key().ToStringView(), it->value().ToStringView())) break;
  }
  return FromRocks(it->status(), context);
}

}  // namespace claims::store_internal
