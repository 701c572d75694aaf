// RocksDB options and status mapping for the claim database, assembled in
// one place so the writer and its followers agree on the table format.
//
// Memory stays modest (servers aim at <= 256 MiB RSS): one LRU block cache
// per process-side handle holding data, index and filter blocks, and small
// memtables.
#ifndef CLAIMS_COMMON_STORE_DB_OPTIONS_H_
#define CLAIMS_COMMON_STORE_DB_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "absl/status/status.h"
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

}  // namespace claims::store_internal

#endif  // CLAIMS_COMMON_STORE_DB_OPTIONS_H_
