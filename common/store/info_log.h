// RocksDB's info log, sent to the server's own log (spdlog on stderr)
// instead of a LOG file in the database folder.
//
// A LOG file shares the database's volume: once a log line fails on a full
// disk, RocksDB 7.8 (built with assertions, as Debian ships it) aborts on
// the next line it logs, which turned a full disk into a crash on recovery
// or SIGTERM. Warnings and errors only; RocksDB's routine info lines
// (flushes, compactions, the options dump) are left out.
#ifndef CLAIMS_COMMON_STORE_INFO_LOG_H_
#define CLAIMS_COMMON_STORE_INFO_LOG_H_

#include <memory>

#include "rocksdb/env.h"

namespace claims::store_internal {

std::shared_ptr<rocksdb::Logger> NewServerInfoLog();

}  // namespace claims::store_internal

#endif  // CLAIMS_COMMON_STORE_INFO_LOG_H_
