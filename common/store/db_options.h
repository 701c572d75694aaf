// RocksDB options, status mapping and range iteration for the claim
// database, assembled in one place so the writer and its followers agree on
// the table format.
//
// Memory stays modest (servers aim at <= 256 MiB RSS): one LRU block cache
// per process-side handle holding data, index and filter blocks, and small
// memtables.
#ifndef CLAIMS_COMMON_STORE_DB_OPTIONS_H_
#define CLAIMS_COMMON_STORE_DB_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/store/key_codec.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "rocksdb/status.h"

namespace claims::store_internal {

// Options of the read-write (single writer) instance.
rocksdb::Options WriterDbOptions(size_t block_cache_bytes,
                                 uint64_t wal_ttl_seconds);

// Options of a secondary (follower) instance: same table format,
// max_open_files = -1 as RocksDB requires.
rocksdb::Options SecondaryDbOptions(size_t block_cache_bytes);

// Maps a RocksDB status to an absl::Status whose message starts with
// `context`.
absl::Status FromRocks(const rocksdb::Status& s, std::string_view context);

// Whether the database in `dir` records a format version; FAILED_PRECONDITION
// when it records one this build does not read.
absl::StatusOr<bool> CheckFormatVersion(rocksdb::DB* db, std::string_view dir);

// Calls `visit(key, value)` for the entries of `range` in key order until it
// returns false; the iterator's error (prefixed with `context`), if any.
absl::Status ForEachInRange(
    rocksdb::DB* db, const KeyRange& range, std::string_view context,
    const std::function<bool(std::string_view key, std::string_view value)>&
        visit);

}  // namespace claims::store_internal

#endif  // CLAIMS_COMMON_STORE_DB_OPTIONS_H_
