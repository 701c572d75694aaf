// IndexStream: one index range walked in sort-key order, and a k-way union
// of several of them.
//
// A stream can be re-opened at any moment strictly after the last sort key
// it produced, so a long scan never holds one RocksDB iterator (and the
// versions it pins) for long, and a scan resumed from a cursor continues
// with no gap and no repeat whatever was written in between.
#ifndef CLAIMS_COMMON_STORE_INDEX_STREAM_H_
#define CLAIMS_COMMON_STORE_INDEX_STREAM_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "rocksdb/db.h"
#include "rocksdb/iterator.h"

namespace claims::store_internal {

// Sort-key bounds of a scan: [lower, upper); "" = unbounded.
struct SortKeyBounds {
  std::string lower;
  std::string upper;
};

class IndexStream {
 public:
  // Entries `prefix` + sort key with the sort key within `bounds`, visited
  // ascending or (reverse) descending, starting strictly after `after` when
  // it is set.
  IndexStream(rocksdb::DB* db, std::string prefix, const SortKeyBounds& bounds,
              bool reverse, std::optional<std::string> after);

  IndexStream(const IndexStream&) = delete;  // owns an iterator
  IndexStream& operator=(const IndexStream&) = delete;

  // (Re)creates the iterator positioned strictly after the last key handed
  // out (or `after`).
  void Open();
  // Drops the iterator; Open() continues where it stopped.
  void Release();

  bool Valid() const;
  // The current sort key (prefix removed). Requires Valid().
  std::string_view sort_key() const;
  // The current entry's value (see DecodeIndexValue). Requires Valid().
  std::string_view value() const;
  // Moves past the current entry (remembering it as the last one).
  void Next();
  absl::Status status() const;

 private:
  rocksdb::DB* db_;
  std::string prefix_;
  bool reverse_;
  std::string lower_key_;  // inclusive
  std::string upper_key_;  // exclusive
  std::optional<std::string> after_;
  rocksdb::Slice lower_slice_;
  rocksdb::Slice upper_slice_;
  std::unique_ptr<rocksdb::Iterator> it_;
};

// Union of streams in one direction, equal sort keys produced once.
class MergedIndexStream {
 public:
  MergedIndexStream(std::vector<std::unique_ptr<IndexStream>> streams,
                    bool reverse);

  // Positions every stream; call once before the first Current().
  void Open();
  // Re-creates every iterator at the same position.
  void Refresh();

  // The stream holding the next entry, or nullptr at the end (or on error:
  // see status()). Valid until Next() or Refresh(). Entries with equal sort
  // keys in several streams are one claim and have equal values.
  const IndexStream* Current() const;
  // Moves every stream past the sort key of `current` (what Current()
  // returned) and returns the new Current().
  const IndexStream* Next(const IndexStream* current);
  absl::Status status() const;

 private:
  std::vector<std::unique_ptr<IndexStream>> streams_;
  bool reverse_;
};

}  // namespace claims::store_internal

#endif  // CLAIMS_COMMON_STORE_INDEX_STREAM_H_
